#include "app/cli/clienvironment.h"
#include "api/urlsafety.h"
#include "app/cli/cli.h"
#include "demo/demoserver.h"

#include <QProcessEnvironment>

namespace {
const QUrl DefaultBaseUrl(QStringLiteral("https://api.oshara.ai"));
} // namespace

CliEnvironment::CliEnvironment()
    : m_client(&m_network)
{}

CliEnvironment::~CliEnvironment() = default;

void CliEnvironment::setUpQueryCommand(QCommandLineParser &parser, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    addConnectionOptions(parser);
    addFilterOptions(parser);
}

void CliEnvironment::addConnectionOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("base-url"),
         QStringLiteral("API base URL (default %1).").arg(DefaultBaseUrl.toString()),
         QStringLiteral("URL")},
        {QStringLiteral("api-key"),
         QStringLiteral("API key; or set SESSIONSCOPE_API_KEY (safer: not in the process list)."),
         QStringLiteral("KEY")},
        {QStringLiteral("token"), QStringLiteral("JWT access token; or set SESSIONSCOPE_TOKEN."),
         QStringLiteral("JWT")},
        {QStringLiteral("demo"), QStringLiteral("Start the bundled demo server and use it.")},
        {QStringLiteral("timeout"),
         QStringLiteral("Give up on a request that has not ended after this many seconds, "
                        "retries included (default %1).")
             .arg(ApiClient::DefaultDeadlineMs / 1000),
         QStringLiteral("SECONDS")},
        {QStringLiteral("proxy"),
         QStringLiteral("Proxy URL (http:// or socks5://); by default http_proxy, https_proxy and "
                        "no_proxy are honoured."),
         QStringLiteral("URL")},
        {QStringLiteral("ca-certificate"),
         QStringLiteral("Also trust the certificate authorities in this PEM file (a private CA)."),
         QStringLiteral("FILE")},
    });
}

bool CliEnvironment::readConnection(const QCommandLineParser &parser, LaunchOptions &options,
                                    QString *error)
{
    const auto env = QProcessEnvironment::systemEnvironment();
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.apiKey = parser.isSet(QStringLiteral("api-key"))
                         ? parser.value(QStringLiteral("api-key"))
                         : env.value(QStringLiteral("SESSIONSCOPE_API_KEY"));
    options.token = parser.isSet(QStringLiteral("token"))
                        ? parser.value(QStringLiteral("token"))
                        : env.value(QStringLiteral("SESSIONSCOPE_TOKEN"));
    if (parser.isSet(QStringLiteral("base-url"))) {
        options.baseUrl = QUrl(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
        const QString scheme = options.baseUrl.scheme();
        if (!options.baseUrl.isValid() || options.baseUrl.host().isEmpty() ||
            (scheme != u"http" && scheme != u"https")) {
            *error = QStringLiteral("--base-url must be an http or https URL, such as %1.")
                         .arg(DefaultBaseUrl.toString());
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        options.network.timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || options.network.timeoutSeconds < 1 ||
            options.network.timeoutSeconds > 24 * 3600) {
            *error = QStringLiteral("--timeout must be a whole number of seconds, 1 or more.");
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("proxy"))) {
        options.network.proxy = QUrl(parser.value(QStringLiteral("proxy")), QUrl::StrictMode);
        if (!proxyFromUrl(options.network.proxy, error)) {
            *error = QStringLiteral("--proxy: ") + *error;
            return false;
        }
    }
    options.network.caCertificateFile = parser.value(QStringLiteral("ca-certificate"));
    return true;
}

bool CliEnvironment::connect(const LaunchOptions &options, QString *error, int *failureCode)
{
    if (failureCode)
        *failureCode = options.demo ? Cli::NetworkFailure : Cli::Usage;
    bool localFailure = false;
    if (!options.network.applyTo(m_client, m_network, error, &localFailure)) {
        if (failureCode && localFailure)
            *failureCode = Cli::LocalFailure;
        return false;
    }
    if (options.demo) {
        DemoOptions demoOptions;
        demoOptions.sessions = 2000;
        m_demo = std::make_unique<DemoServer>(demoOptions);
        if (!m_demo->start(error))
            return false;
        m_client.setBaseUrl(m_demo->apiBaseUrl());
        m_client.setCredentials({m_demo->staffApiKey(), {}});
        return true;
    }
    m_client.setBaseUrl(options.baseUrl.isEmpty() ? DefaultBaseUrl : options.baseUrl);
    m_client.setCredentials({options.apiKey, options.token});
    if (options.apiKey.isEmpty() && options.token.isEmpty()) {
        *error = QStringLiteral("No credentials: pass --api-key or set SESSIONSCOPE_API_KEY (or "
                                "--token / SESSIONSCOPE_TOKEN), or use --demo.");
        return false;
    }
    return true;
}

int CliEnvironment::reportError(const ApiError &error)
{
    err() << "sessionscope: " << error.toDisplayString() << Qt::endl;
    for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it)
        err() << "  " << it.key() << ": " << it.value().join(QStringLiteral("; ")) << Qt::endl;
    return Cli::exitCodeFor(error);
}

std::optional<int> CliEnvironment::parseCommand(QCommandLineParser &parser,
                                                const QStringList &arguments,
                                                const QString &command, LaunchOptions &connection,
                                                UsageQuery &query)
{
    if (!parser.parse(arguments.mid(1)))
        return usageError(parser.errorText(), command);
    if (const auto done = answerHelp(parser, command))
        return done;
    QString error;
    if (!readConnection(parser, connection, &error) || !readFilter(parser, query, &error))
        return usageError(error, command);
    return std::nullopt;
}

std::optional<int> CliEnvironment::connectFor(const LaunchOptions &connection,
                                              const QString &command)
{
    QString error;
    int code = Cli::Usage;
    if (connect(connection, &error, &code))
        return std::nullopt;
    err() << "sessionscope " << command << ": " << error << Qt::endl;
    return code;
}

std::optional<int> CliEnvironment::collectAll(UsageQuery query, int parallel,
                                              const QString &command, const PageSink &onPage,
                                              CollectionSummary *summary)
{
    query.pageSize = UsageQuery::MaxPageSize;
    UsageCollector collector(&m_client);
    // At most `parallel` requests reach the server at once, whichever path the pages take.
    collector.setMaxInFlight(parallel);
    const bool showProgress = stderrIsTerminal();
    std::optional<ApiError> failure;
    QString stopReason;
    QEventLoop loop;
    const auto take = [&](const QList<SessionSummary> &sessions) {
        stopReason = onPage(sessions);
        if (!stopReason.isEmpty()) {
            collector.cancel();
            loop.quit();
        }
    };
    QObject::connect(&collector, &UsageCollector::pageReady, &loop,
                     [&](int, const QList<SessionSummary> &sessions) { take(sessions); });
    QObject::connect(&collector, &UsageCollector::recovered, &loop, take);
    QObject::connect(&collector, &UsageCollector::progress, &loop, [&](int done, int total) {
        if (showProgress)
            err() << "\rpage " << done << " of " << total << Qt::flush;
    });
    QObject::connect(&collector, &UsageCollector::recovering, &loop,
                     [&](int pass, const QList<int> &pages, qint64 missing) {
                         if (showProgress)
                             err() << '\n';
                         err() << "sessionscope " << command
                               << ": the pages do not add up to the server's totals (" << missing
                               << " sessions missing); asking " << pages.size()
                               << (pages.size() == 1 ? " page" : " pages")
                               << " again, recovery pass " << pass << " of "
                               << UsageCollector::MaxRecoveryPasses << Qt::endl;
                     });
    QObject::connect(&collector, &UsageCollector::finished, &loop, [&](const CollectionSummary &s) {
        *summary = s;
        loop.quit();
    });
    QObject::connect(&collector, &UsageCollector::failed, &loop, [&](const ApiError &e) {
        failure = e;
        loop.quit();
    });
    collector.start(query);
    loop.exec();
    if (showProgress)
        err() << '\n';
    if (failure)
        return reportError(*failure);
    if (!stopReason.isEmpty()) {
        // Only what the command does with the pages stops a walk: writing a file, a database.
        err() << "sessionscope " << command << ": " << stopReason << Qt::endl;
        return Cli::LocalFailure;
    }
    if (!summary->note.isEmpty())
        err() << "sessionscope " << command << ": note: " << summary->note << Qt::endl;
    return std::nullopt;
}
