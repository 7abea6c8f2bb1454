#include "demo/faultinjector.h"

using namespace Qt::StringLiterals;

namespace {

struct KindName
{
    FaultInjector::Kind kind;
    const char16_t *name;
};

constexpr KindName Names[] = {
    {FaultInjector::Kind::Latency, u"latency"},
    {FaultInjector::Kind::Stall, u"stall"},
    {FaultInjector::Kind::Reset, u"reset"},
    {FaultInjector::Kind::ResetAfterHeaders, u"reset-after-headers"},
    {FaultInjector::Kind::Truncate, u"truncate"},
    {FaultInjector::Kind::Status, u"status"},
    {FaultInjector::Kind::Throttle, u"throttle"},
    {FaultInjector::Kind::HtmlError, u"html-error"},
    {FaultInjector::Kind::MalformedJson, u"malformed-json"},
    {FaultInjector::Kind::WrongShape, u"wrong-shape"},
    {FaultInjector::Kind::HugePage, u"huge-page"},
    {FaultInjector::Kind::HugeTurn, u"huge-turn"},
    {FaultInjector::Kind::WrongCount, u"wrong-count"},
    {FaultInjector::Kind::RepeatRows, u"repeat-rows"},
    {FaultInjector::Kind::ForeignNext, u"foreign-next"},
    {FaultInjector::Kind::Redirect, u"redirect"},
    {FaultInjector::Kind::Chunked, u"chunked"},
    {FaultInjector::Kind::Gzip, u"gzip"},
    {FaultInjector::Kind::Drip, u"drip"},
    {FaultInjector::Kind::Silent, u"silent"},
    {FaultInjector::Kind::EchoError, u"echo-error"},
};

} // namespace

int FaultInjector::add(Kind kind, const QString &pattern, const QString &arg, int times, bool regex)
{
    m_rules.append({m_nextId, pattern, regex, kind, arg, times});
    return m_nextId++;
}

bool FaultInjector::addSpec(const QString &spec, QString *error)
{
    QString rest = spec;
    bool regex = false;
    if (rest.startsWith(u"re:"_s)) {
        regex = true;
        rest.remove(0, 3);
    }
    int times = -1;
    static const QRegularExpression limit(u"@(\\d+)$"_s);
    if (const auto m = limit.match(rest); m.hasMatch()) {
        times = m.captured(1).toInt();
        rest.chop(m.capturedLength());
    }
    // The pattern may itself contain '=' (page=2): take the first '=' after which a known
    // kind name follows.
    for (qsizetype eq = rest.indexOf(u'='); eq >= 0; eq = rest.indexOf(u'=', eq + 1)) {
        const QString tail = rest.mid(eq + 1);
        const qsizetype colon = tail.indexOf(u':');
        const auto kind = kindFromName(QStringView(tail).left(colon < 0 ? tail.size() : colon));
        if (!kind)
            continue;
        const QString pattern = rest.left(eq);
        if (regex && !QRegularExpression(pattern).isValid()) {
            if (error)
                *error = u"invalid regular expression: %1"_s.arg(pattern);
            return false;
        }
        add(*kind, pattern, colon < 0 ? QString() : tail.mid(colon + 1), times, regex);
        return true;
    }
    if (error)
        *error = u"expected [re:]PATTERN=KIND[:ARG][@N], got: %1"_s.arg(spec);
    return false;
}

void FaultInjector::remove(int id)
{
    m_rules.removeIf([id](const Rule &r) { return r.id == id; });
}

std::optional<FaultInjector::Rule> FaultInjector::take(const QString &pathAndQuery)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        Rule &r = m_rules[i];
        const bool match = r.regex ? QRegularExpression(r.pattern).match(pathAndQuery).hasMatch()
                                   : pathAndQuery.contains(r.pattern);
        if (!match)
            continue;
        const Rule taken = r;
        if (r.remaining > 0 && --r.remaining == 0)
            m_rules.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

QString FaultInjector::kindName(Kind kind)
{
    for (const auto &n : Names) {
        if (n.kind == kind)
            return QString::fromUtf16(n.name);
    }
    return {};
}

std::optional<FaultInjector::Kind> FaultInjector::kindFromName(QStringView name)
{
    for (const auto &n : Names) {
        if (name == QStringView(n.name))
            return n.kind;
    }
    return std::nullopt;
}

qint64 FaultInjector::number(const Rule &rule, qint64 fallback)
{
    bool ok = false;
    const qint64 value = rule.arg.toLongLong(&ok);
    return ok ? value : fallback;
}
