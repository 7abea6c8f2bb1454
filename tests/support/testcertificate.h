#pragma once

#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

/// A self-signed certificate for 127.0.0.1, made fresh with the `openssl` command so that no
/// private key lives in the repository and none can expire there.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    QString error;

    [[nodiscard]] bool isValid() const { return !certificate.isNull() && !key.isNull(); }
    [[nodiscard]] QString sha256Hex() const
    {
        return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    }

    static TestCertificate generate(const QString &commonName = QStringLiteral("127.0.0.1"))
    {
        TestCertificate result;
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                       QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
        if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            result.error = QStringLiteral("openssl failed: %1 %2")
                               .arg(openssl.errorString(),
                                    QString::fromLocal8Bit(openssl.readAllStandardError()));
            return result;
        }
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        if (certFile.open(QIODevice::ReadOnly))
            result.certificate = QSslCertificate(&certFile, QSsl::Pem);
        if (keyFile.open(QIODevice::ReadOnly))
            result.key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        if (!result.isValid())
            result.error = QStringLiteral("openssl wrote a certificate or key Qt cannot read");
        return result;
    }
};
