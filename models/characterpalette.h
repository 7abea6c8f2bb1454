#pragma once

#include <QColor>
#include <QHash>
#include <QObject>
#include <QPalette>

class QSettings;

/// One colour per character, the same in every chart, table and list of the application, and
/// the same from one run to the next.
///
/// A character gets the first free colour of a fixed set of eight (Okabe-Ito), starting at a slot
/// chosen by a stable hash of its slug (FNV-1a, not qHash, which is seeded per process). Given a
/// QSettings, assignments are remembered, so that a character keeps its colour when others
/// appear; without one, colours depend only on the slugs seen and their order. Past eight
/// characters a colour repeats with a different lightness.
///
/// The colours read on both light and dark backgrounds; color() with a palette lifts them
/// slightly on dark ones.
class CharacterPalette final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CharacterPalette)

public:
    static constexpr int BaseColorCount = 8;

    /// `store` (may be null) keeps assignments across runs, under the group "characterColors".
    explicit CharacterPalette(QSettings *store = nullptr, QObject *parent = nullptr);
    ~CharacterPalette() override;

    /// The character's colour; assigns one on first use.
    [[nodiscard]] QColor color(const QString &slug);
    /// The same colour adjusted for the background of `palette` (lighter on dark ones).
    [[nodiscard]] QColor color(const QString &slug, const QPalette &palette);
    /// A paler companion (for a second series of the same character, such as output tokens).
    [[nodiscard]] QColor secondaryColor(const QString &slug);

    [[nodiscard]] static QColor baseColor(int index);
    [[nodiscard]] static quint32 stableHash(const QString &slug);

Q_SIGNALS:
    void assigned(const QString &slug, const QColor &color);

private:
    [[nodiscard]] int slotOf(const QString &slug);

    QSettings *m_store;
    QHash<QString, int> m_slots; ///< slug -> slot; slot / BaseColorCount is the repeat round
};
