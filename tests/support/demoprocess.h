#pragma once

#include <QHash>
#include <QProcess>
#include <QStringList>
#include <QUrl>

/// The demo server as a separate process (`sessionscope-demo-server`), for tests that must
/// measure or run the client alone: memory figures of the test process then hold the client
/// only, and a client process may block without starving the server's event loop.
class DemoProcess
{
public:
    DemoProcess() = default;
    ~DemoProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(DemoProcess)

    /// Starts the binary with `arguments` and waits for the `key: value` lines it prints once
    /// listening. False (with the server's stderr in `error`) when it does not come up.
    bool start(const QString &binary, const QStringList &arguments, QString *error)
    {
        m_process.setProgram(binary);
        m_process.setArguments(arguments);
        m_process.start();
        // A busy machine may take a while to build the dataset; the banner ends with startup-ms.
        QByteArray banner;
        while (!banner.contains("startup-ms:")) {
            if (!m_process.waitForReadyRead(120000)) {
                *error = QString::fromLocal8Bit(m_process.readAllStandardError());
                return false;
            }
            banner += m_process.readAllStandardOutput();
        }
        for (const QByteArray &line : banner.split('\n')) {
            const qsizetype colon = line.indexOf(": ");
            if (colon > 0)
                m_values.insert(QString::fromUtf8(line.left(colon)),
                                QString::fromUtf8(line.mid(colon + 2).trimmed()));
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(10000);
    }

    [[nodiscard]] QString value(const QString &key) const { return m_values.value(key); }
    [[nodiscard]] QUrl apiUrl() const { return QUrl(value(QStringLiteral("api-url"))); }
    [[nodiscard]] QString staffKey() const { return value(QStringLiteral("staff-key")); }

private:
    QProcess m_process;
    QHash<QString, QString> m_values;
};
