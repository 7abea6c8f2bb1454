#include "models/characterpalette.h"

#include <QSet>
#include <QSettings>

namespace {
// The Okabe-Ito palette, made to stay distinct for people with the common forms of colour
// blindness (its black, which would vanish on a dark window, gives way to a mid grey). Eight
// characters get eight colours no one confuses; later ones reuse them darker or lighter.
constexpr QRgb Colors[CharacterPalette::BaseColorCount] = {
    0x0072b2, 0xe69f00, 0x009e73, 0xd55e00, 0x56b4e9, 0xcc79a7, 0xf0e442, 0x8c8c8c,
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
    // Linear probing within each round of base colours, so a round fills before colours repeat.
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
