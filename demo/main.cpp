// sessionscope-demo-server: runs the demo backend on loopback until SIGINT or SIGTERM, printing
// where it listens and how to log in as `key: value` lines that scripts can parse.

#include "demo/demoserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop picks the byte up and quits.
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

void printLine(const QString &key, const QString &value)
{
    std::printf("%s: %s\n", qPrintable(key), qPrintable(value));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sessionscope-demo-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves Sessionscope's demo API and recordings on loopback.\n"
        "Fault syntax: [re:]PATTERN=KIND[:ARG][@N]; PATTERN is a substring of path+query "
        "(a regular expression with re:), @N limits the rule to the next N matches.\n"
        "Kinds: latency:MS stall:MS reset reset-after-headers truncate status:CODE "
        "throttle[:SECONDS] html-error[:CODE] malformed-json wrong-shape huge-page[:MB] "
        "huge-turn[:MB] wrong-count[:N] repeat-rows foreign-next:URL redirect:URL "
        "chunked[:BYTES] gzip[:chunked] drip[:MS] silent echo-error[:CODE[,detail]]"_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"API port (0 = any free port)."_s, u"P"_s, u"0"_s);
    const QCommandLineOption recordingPort(
        u"recording-port"_s, u"Recording port (0 = any free port)."_s, u"R"_s, u"0"_s);
    const QCommandLineOption sessions(u"sessions"_s, u"Number of sessions."_s, u"N"_s, u"2000"_s);
    const QCommandLineOption seed(u"seed"_s, u"Dataset seed."_s, u"S"_s, u"1"_s);
    const QCommandLineOption now(u"now"_s, u"Reference date (ISO-8601); default: now."_s, u"ISO"_s);
    const QCommandLineOption pageCache(u"page-cache-mib"_s,
                                       u"Memory for rendered pages, in MiB (default 256)."_s,
                                       u"MIB"_s, u"256"_s);
    const QCommandLineOption expiry(u"expiry"_s, u"Presigned URL lifetime in seconds."_s,
                                    u"SECONDS"_s, u"900"_s);
    const QCommandLineOption fault(u"fault"_s, u"Inject a fault (repeatable)."_s, u"SPEC"_s);
    const QCommandLineOption tlsCert(
        u"tls-cert"_s, u"Serve HTTPS with this PEM certificate (needs --tls-key)."_s, u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key of --tls-cert."_s, u"FILE"_s);
    parser.addOptions(
        {port, recordingPort, sessions, seed, now, expiry, pageCache, fault, tlsCert, tlsKey});
    parser.process(app);

    DemoOptions options;
    bool ok = true;
    const auto number = [&](const QCommandLineOption &option) {
        bool valid = false;
        const qint64 value = parser.value(option).toLongLong(&valid);
        if (!valid || value < 0) {
            std::fprintf(stderr, "invalid --%s: %s\n", qPrintable(option.names().first()),
                         qPrintable(parser.value(option)));
            ok = false;
        }
        return value;
    };
    options.apiPort = quint16(number(port));
    options.recordingPort = quint16(number(recordingPort));
    options.sessions = int(number(sessions));
    options.seed = quint64(number(seed));
    options.recordingExpirySeconds = int(number(expiry));
    options.pageCacheMiB = int(number(pageCache));
    if (parser.isSet(now)) {
        options.now = QDateTime::fromString(parser.value(now), Qt::ISODateWithMs);
        if (!options.now.isValid()) {
            std::fprintf(stderr, "invalid --now: %s\n", qPrintable(parser.value(now)));
            ok = false;
        }
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        std::fprintf(stderr, "--tls-cert and --tls-key go together\n");
        ok = false;
    } else if (parser.isSet(tlsCert)) {
        QFile certFile(parser.value(tlsCert));
        QFile keyFile(parser.value(tlsKey));
        if (certFile.open(QIODevice::ReadOnly))
            options.tlsCertificate = QSslCertificate(&certFile, QSsl::Pem);
        if (keyFile.open(QIODevice::ReadOnly)) {
            const QByteArray pem = keyFile.readAll();
            // openssl writes EC or RSA keys depending on how it was asked; accept either.
            options.tlsKey = QSslKey(pem, QSsl::Ec, QSsl::Pem);
            if (options.tlsKey.isNull())
                options.tlsKey = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
        }
        if (options.tlsCertificate.isNull() || options.tlsKey.isNull()) {
            std::fprintf(stderr, "cannot read the certificate or key (PEM expected)\n");
            ok = false;
        }
    }
    if (!ok)
        return 2;

    QElapsedTimer timer;
    timer.start();
    DemoServer server(options);
    for (const QString &spec : parser.values(fault)) {
        QString error;
        if (!server.faults().addSpec(spec, &error)) {
            std::fprintf(stderr, "invalid --fault: %s\n", qPrintable(error));
            return 2;
        }
    }
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    printLine(u"api-url"_s, server.apiBaseUrl().toString());
    printLine(u"recording-url"_s, server.recordingBaseUrl().toString());
    printLine(u"staff-key"_s, server.staffApiKey());
    printLine(u"owner-key"_s, server.ownerApiKey());
    printLine(u"inactive-key"_s, server.inactiveApiKey());
    printLine(u"staff-email"_s, server.staffEmail());
    printLine(u"owner-email"_s, server.ownerEmail());
    printLine(u"password"_s, server.password());
    printLine(u"owner-characters"_s, server.ownerCharacterSlugs().join(u','));
    printLine(u"sessions"_s, QString::number(server.dataset().sessions().size()));
    printLine(u"startup-ms"_s, QString::number(timer.elapsed()));
    std::fflush(stdout);

    quitOnSignals(app);
    return app.exec();
}
