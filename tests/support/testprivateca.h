#pragma once

#include "demo/demooptions.h"
#include "tests/support/testcertificate.h"

#include <QFile>
#include <QProcess>
#include <QStringList>

/// A private certificate authority and a server certificate it signed for 127.0.0.1, as a
/// company's own CA issues them; made with the `openssl` command, in `dir`.
struct PrivateCa
{
    QString caFile;
    TestCertificate server;
    QString error;

    /// A demo server of `sessions` sessions that serves HTTPS with the certificate this CA signed.
    [[nodiscard]] DemoOptions demoOptions(int sessions, quint64 seed) const
    {
        DemoOptions options;
        options.sessions = sessions;
        options.seed = seed;
        options.tlsCertificate = server.certificate;
        options.tlsKey = server.key;
        return options;
    }

    static PrivateCa generate(const QString &dir)
    {
        PrivateCa result;
        const auto path = [&dir](const char *name) {
            return dir + QLatin1Char('/') + QLatin1String(name);
        };
        const auto openssl = [&result](const QStringList &arguments) {
            QProcess process;
            process.start(QStringLiteral("openssl"), arguments);
            if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
                process.exitCode() == 0)
                return true;
            result.error =
                QStringLiteral("openssl %1 failed: %2")
                    .arg(arguments.first(), QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        };
        const QStringList ecKey{
            QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        QFile extensions(path("server.ext"));
        if (!extensions.open(QIODevice::WriteOnly)) {
            result.error = extensions.errorString();
            return result;
        }
        extensions.write("basicConstraints=CA:FALSE\n"
                         "keyUsage=critical,digitalSignature\n"
                         "extendedKeyUsage=serverAuth\n"
                         "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        extensions.close();
        if (!openssl(
                QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                QStringList{QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=Sessionscope Test CA"), QStringLiteral("-addext"),
                            QStringLiteral("basicConstraints=critical,CA:TRUE"),
                            QStringLiteral("-addext"),
                            QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                            QStringLiteral("-keyout"), path("ca.key"), QStringLiteral("-out"),
                            path("ca.pem")}) ||
            !openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} + ecKey +
                     QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                 QStringLiteral("-keyout"), path("server.key"),
                                 QStringLiteral("-out"), path("server.csr")}) ||
            !openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                      path("server.csr"), QStringLiteral("-CA"), path("ca.pem"),
                      QStringLiteral("-CAkey"), path("ca.key"), QStringLiteral("-CAcreateserial"),
                      QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                      path("server.ext"), QStringLiteral("-out"), path("server.pem")}))
            return result;
        QFile cert(path("server.pem"));
        QFile key(path("server.key"));
        if (cert.open(QIODevice::ReadOnly))
            result.server.certificate = QSslCertificate(&cert, QSsl::Pem);
        if (key.open(QIODevice::ReadOnly))
            result.server.key = QSslKey(&key, QSsl::Ec, QSsl::Pem);
        if (!result.server.isValid())
            result.error = QStringLiteral("openssl wrote a certificate or key Qt cannot read");
        result.caFile = path("ca.pem");
        return result;
    }
};
