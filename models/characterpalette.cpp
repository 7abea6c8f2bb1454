#include "models/characterpalette.h"

#include <QSet>
#include <QSettings>

namespace {
// Tableau-like mid-tones: each keeps a contrast ratio of at least 3:1 against both white and
// the #2b2b2b of a typical dark window, so lines and bars stay visible in either palette.
constexpr QRgb Colors[CharacterPalette::BaseColorCount] = {
    0x4e79a7, 0xf28e2b, 0xe15759, 0x59a14f, 0xb07aa1, 0x76b7b2,
    0xedc948, 0xff9da7, 0x9c755f, 0x7f8fd8, 0x8cd17d, 0xd37295,
};
const QString Group = QStringLiteral("characterColors");
} // namespace

CharacterPalette::CharacterPalette(QSettings *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    if (!m_store)
        return;
    m_store->beginGroup(Group);
    const QStringList keys = m_store->childKeys();
    for (const QString &key : keys) {
        bool ok = false;
        const int slot = m_store->value(key).toInt(&ok);
        if (ok && slot >= 0)
            m_slots.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1())),
                           slot);
    }
    m_store->endGroup();
}

CharacterPalette::~CharacterPalette() = default;

quint32 CharacterPalette::stableHash(const QString &slug)
{
    quint32 h = 2166136261u;
    const QByteArray bytes = slug.toUtf8();
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return h;
}

QColor CharacterPalette::baseColor(int index)
{
    return QColor::fromRgb(Colors[((index % BaseColorCount) + BaseColorCount) % BaseColorCount]);
}

int CharacterPalette::slotOf(const QString &slug)
{
    const auto it = m_slots.constFind(slug);
    if (it != m_slots.cend())
        return *it;
    QSet<int> taken;
    for (const int slot : std::as_const(m_slots))
        taken.insert(slot);
    const int preferred = int(stableHash(slug) % BaseColorCount);
    int slot = -1;
    // Linear probing within each round of twelve, so a round fills before colours repeat.
    for (int round = 0; slot < 0; ++round) {
        for (int i = 0; i < BaseColorCount; ++i) {
            const int candidate = round * BaseColorCount + (preferred + i) % BaseColorCount;
            if (!taken.contains(candidate)) {
                slot = candidate;
                break;
            }
        }
    }
    m_slots.insert(slug, slot);
    if (m_store) {
        // Slugs may contain characters QSettings treats as key separators.
        m_store->beginGroup(Group);
        m_store->setValue(QString::fromLatin1(slug.toUtf8().toPercentEncoding()), slot);
        m_store->endGroup();
    }
    Q_EMIT assigned(slug, color(slug));
    return slot;
}

QColor CharacterPalette::color(const QString &slug)
{
    const int slot = slotOf(slug);
    const QColor base = baseColor(slot);
    const int round = slot / BaseColorCount;
    if (round == 0)
        return base;
    // Later rounds alternate darker and lighter variants of the same hue.
    return round % 2 ? base.darker(100 + 25 * ((round + 1) / 2))
                     : base.lighter(100 + 20 * (round / 2));
}

QColor CharacterPalette::color(const QString &slug, const QPalette &palette)
{
    const QColor c = color(slug);
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    return dark ? c.lighter(115) : c;
}

QColor CharacterPalette::secondaryColor(const QString &slug)
{
    QColor c = color(slug);
    c.setAlphaF(0.55f);
    return c;
}
