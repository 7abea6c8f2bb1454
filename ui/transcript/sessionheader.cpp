#include "ui/transcript/sessionheader.h"
#include "reports/moneyformat.h"
#include "reports/sessionlink.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent, {key});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(item, u"[%1]"_s.arg(i), a.at(i));
    } else if (value.isString()) {
        item->setText(1, value.toString());
    } else if (value.isBool()) {
        item->setText(1, value.toBool() ? u"true"_s : u"false"_s);
    } else if (value.isNull()) {
        item->setText(1, u"null"_s);
    } else {
        item->setText(1, QString::number(value.toDouble(), 'g', 15));
    }
}
} // namespace

SessionHeader::SessionHeader(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_otherForm(new QFormLayout)
    , m_origin(new QToolButton(this))
    , m_copyId(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_detailsToggle(new QToolButton(this))
    , m_details(new QWidget(this))
    , m_metadataToggle(new QToolButton(this))
    , m_metadata(new QTreeWidget(this))
{
    // On top, what identifies the call at a glance; the rest in the details below, closed
    // until asked for, so that the transcript gets the room.
    m_summary->setObjectName(QStringLiteral("sessionSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    QFont strong = m_summary->font();
    strong.setBold(true);
    m_summary->setFont(strong);
    for (const QString &label :
         {tr("Character"), tr("Tenant"), tr("Created"), tr("Finalized"), tr("Duration"),
          tr("Turns"), tr("Interruptions"), tr("LLM"), tr("Speech to text"), tr("Text to speech"),
          tr("Cost"), tr("Status"), tr("Room"), tr("Number"), tr("User"), tr("Recording")})
        addField(label);
    // The origin is a button, not a rich-text link: nothing is opened without a click, and the
    // URL's text is never parsed as markup.
    m_origin->setAutoRaise(true);
    m_origin->setCursor(Qt::PointingHandCursor);
    m_origin->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_origin->setAccessibleDescription(
        tr("The page the call started from; opens it in the browser"));
    connect(m_origin, &QToolButton::clicked, this, [this] {
        if (!m_originUrl.isValid())
            return;
        Q_EMIT originLinkActivated(m_originUrl);
        QDesktopServices::openUrl(m_originUrl);
    });
    m_form->addRow(tr("Origin"), m_origin);

    auto *idRow = new QHBoxLayout;
    auto *idLabel = new QLabel(this);
    idLabel->setTextFormat(Qt::PlainText);
    idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fields.insert(tr("Session"), idLabel);
    idRow->addWidget(idLabel, 1);
    m_copyId->setText(tr("Copy"));
    m_copyId->setToolTip(tr("Copy the session id"));
    connect(m_copyId, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_sessionId); });
    idRow->addWidget(m_copyId);
    auto *copyLink = new QToolButton(this);
    copyLink->setObjectName(QStringLiteral("copySessionLink"));
    copyLink->setText(tr("Copy link"));
    copyLink->setToolTip(tr("Copy a link to this session that opens it in Sessionscope"));
    connect(copyLink, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(
            SessionLinks::toUrl(m_sessionId, m_linkServer).toString(QUrl::FullyEncoded));
    });
    idRow->addWidget(copyLink);

    m_metadataToggle->setArrowType(Qt::RightArrow);
    m_metadataToggle->setText(tr("Metadata"));
    m_metadataToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_metadataToggle->setAutoRaise(true);
    m_metadataToggle->setCheckable(true);
    m_metadata->setHeaderLabels({tr("Key"), tr("Value")});
    m_metadata->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_metadata->setVisible(false);
    m_metadata->setMaximumHeight(180);
    m_metadataToggle->setAccessibleName(tr("Metadata"));
    m_metadataToggle->setAccessibleDescription(tr("Shows or hides the session's metadata"));
    m_metadata->setAccessibleName(tr("Metadata"));
    m_metadata->setAccessibleDescription(tr("The session's metadata as keys and values"));
    m_copyId->setAccessibleName(tr("Copy session id"));
    m_copyId->setAccessibleDescription(tr("Copies the session id to the clipboard"));
    copyLink->setAccessibleName(tr("Copy link"));
    copyLink->setAccessibleDescription(
        tr("Copies a link to this session that opens it in Sessionscope"));
    connect(m_metadataToggle, &QToolButton::toggled, this, [this](bool open) {
        m_metadata->setVisible(open);
        m_metadataToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    m_detailsToggle->setObjectName(QStringLiteral("detailsToggle"));
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setText(tr("Details"));
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setAutoRaise(true);
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setAccessibleName(tr("Details"));
    m_detailsToggle->setAccessibleDescription(
        tr("Shows or hides every field of the session: times, usage, cost, origin"));
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addLayout(m_form);
    details->addLayout(m_otherForm);
    details->addWidget(m_metadataToggle);
    details->addWidget(m_metadata);
    m_details->setVisible(false);
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_details->setVisible(open);
        m_detailsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(idRow);
    layout->addWidget(m_detailsToggle);
    layout->addWidget(m_details);
}

QLabel *SessionHeader::addField(const QString &label)
{
    auto *value = new QLabel(m_details);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_form->addRow(label, value);
    m_fields.insert(label, value);
    return value;
}

QString SessionHeader::summaryText() const
{
    return m_summary->text();
}

QString SessionHeader::fieldText(const QString &label) const
{
    if (label == tr("Origin"))
        return m_origin->text();
    const QLabel *field = m_fields.value(label);
    return field ? field->text() : QString();
}

void SessionHeader::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (m_session)
        showSession(*m_session);
}

QString SessionHeader::formatTime(const QDateTime &instant, const QTimeZone &zone)
{
    // The same digits as the session table, and the zone's name, so that a time read here can
    // be compared with the list and is never mistaken for another zone's.
    const QDateTime shown = zone.isValid() ? instant.toTimeZone(zone) : instant.toLocalTime();
    const QString name =
        zone.isValid() ? QString::fromUtf8(zone.id()) : shown.timeZoneAbbreviation();
    return tr("%1 (%2)").arg(shown.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), name);
}

void SessionHeader::showSession(const SessionSummary &s)
{
    m_session = s;
    const QLocale locale;
    const auto when = [this](const QDateTime &t) {
        return formatTime(t, m_zone);
    };
    const auto set = [this](const QString &label, const QString &text) {
        m_fields.value(label)->setText(text);
    };
    set(tr("Character"), s.characterSlug);
    set(tr("Tenant"), s.tenantId);
    set(tr("Created"), s.createdAt.isValid() ? when(s.createdAt) : tr("unknown"));
    set(tr("Finalized"), s.inProgress() ? tr("in progress") : when(s.finalizedAt));
    set(tr("Duration"), formatDuration(s.durationSeconds));
    set(tr("Turns"), locale.toString(s.turnCount));
    set(tr("Interruptions"), locale.toString(s.interruptionCount));
    set(tr("LLM"), tr("%1 (%2) · %3 input, %4 output tokens")
                       .arg(s.llmModel, s.llmProvider, locale.toString(s.llmInputTokens),
                            locale.toString(s.llmOutputTokens)));
    set(tr("Speech to text"),
        tr("%1 · %2 of audio").arg(s.sttProvider, formatDuration(s.sttAudioSeconds)));
    set(tr("Text to speech"),
        tr("%1 · %Ln character(s)", nullptr, int(s.ttsCharacters)).arg(s.ttsProvider));
    // The API reports one total for LLM + STT + TTS; the shares are not derivable from it
    // without the provider's price list, so the usage of each part is shown instead.
    set(tr("Cost"),
        tr("%1 total (exactly %2); per-part costs are not reported")
            .arg(MoneyFormat::text(s.estimatedCost), MoneyFormat::exact(s.estimatedCost)));
    set(tr("Status"),
        tr("%1; recording %2")
            .arg(s.inProgress() ? tr("in progress") : tr("finished"),
                 s.recordingStatusText.isEmpty() ? recordingStatusName(s.recordingStatus)
                                                 : s.recordingStatusText));
    set(tr("Room"), s.roomName);
    set(tr("Number"), locale.toString(s.id));
    set(tr("User"), s.user ? locale.toString(*s.user) : tr("none"));
    set(tr("Recording"), s.recordingUrl.isEmpty() ? tr("none") : s.recordingUrl);
    set(tr("Session"), s.sessionId);
    m_summary->setText(
        tr("%1 · %2 · %3 · %4 · %5")
            .arg(s.characterSlug, s.createdAt.isValid() ? when(s.createdAt) : tr("unknown time"),
                 formatDuration(s.durationSeconds), MoneyFormat::text(s.estimatedCost),
                 s.inProgress() ? tr("in progress") : tr("finished")));
    m_summary->setToolTip(tr("Exact cost: %1").arg(MoneyFormat::exact(s.estimatedCost)));
    m_sessionId = s.sessionId;

    const QUrl origin(s.originUrl, QUrl::StrictMode);
    const bool linkable =
        origin.isValid() && (origin.scheme() == u"https" || origin.scheme() == u"http");
    m_originUrl = linkable ? origin : QUrl();
    m_origin->setText(s.originUrl.isEmpty() ? tr("none") : s.originUrl);
    m_origin->setEnabled(linkable);
    m_origin->setToolTip(linkable ? tr("Open in the browser") : QString());
    fillMetadata(s.metadataJson);
    fillOtherFields(s.otherFields);
}

void SessionHeader::fillOtherFields(const QList<OtherField> &fields)
{
    while (m_otherForm->rowCount() > 0)
        m_otherForm->removeRow(0);
    for (const OtherField &field : fields) {
        // Both the name and the value come from the server: plain text, never markup.
        auto *name = new QLabel(field.name, m_details);
        name->setTextFormat(Qt::PlainText);
        name->setToolTip(tr("A field this version of Sessionscope does not know"));
        auto *value = new QLabel(field.displayText(), m_details);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_otherForm->addRow(name, value);
    }
}

QList<std::pair<QString, QString>> SessionHeader::otherFieldTexts() const
{
    QList<std::pair<QString, QString>> texts;
    for (int row = 0; row < m_otherForm->rowCount(); ++row) {
        const auto *name =
            qobject_cast<QLabel *>(m_otherForm->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *value =
            qobject_cast<QLabel *>(m_otherForm->itemAt(row, QFormLayout::FieldRole)->widget());
        if (name && value)
            texts.append({name->text(), value->text()});
    }
    return texts;
}

void SessionHeader::fillMetadata(const QByteArray &json)
{
    m_metadata->clear();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    auto *root = m_metadata->invisibleRootItem();
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(root, it.key(), it.value());
    } else if (doc.isArray()) {
        addJson(root, tr("(array)"), doc.array());
    } else if (!json.trimmed().isEmpty() && json.trimmed() != "null") {
        new QTreeWidgetItem(root, {tr("(value)"), QString::fromUtf8(json)});
    }
    m_metadataToggle->setText(tr("Metadata (%1)").arg(root->childCount()));
    m_metadata->expandToDepth(0);
}

QString SessionHeader::formatDuration(double seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds, 0, 'f', seconds == qint64(seconds) ? 0 : 1);
    const qint64 total = qint64(seconds + 0.5);
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return tr("%1 h %2 min %3 s").arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return tr("%1 min %2 s").arg(m).arg(s, 2, 10, QChar(u'0'));
}
