// One colour per character: distinct for the first twelve, the same from one run to the next
// (through the settings store), and readable on light and dark windows.

#include "models/characterpalette.h"

#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestCharacterPalette final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void distinctAndStable()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("palette.ini"));
        QStringList slugs;
        for (int i = 0; i < 12; ++i)
            slugs.append(QStringLiteral("bot-%1").arg(i));
        QHash<QString, QColor> first;
        {
            QSettings store(file, QSettings::IniFormat);
            CharacterPalette palette(&store);
            QSet<QRgb> seen;
            for (const QString &slug : slugs) {
                first.insert(slug, palette.color(slug));
                seen.insert(first.value(slug).rgb());
            }
            QCOMPARE(seen.size(), 12);
            QCOMPARE(palette.color(slugs.first()), first.value(slugs.first()));
        }
        // Next run: other characters first, yet every known one keeps its colour.
        QSettings store(file, QSettings::IniFormat);
        CharacterPalette palette(&store);
        const QColor newcomer = palette.color(QStringLiteral("a/new bot"));
        for (auto it = first.cbegin(); it != first.cend(); ++it)
            QCOMPARE(palette.color(it.key()), it.value());
        QVERIFY(!first.values().contains(newcomer)); // past twelve, a variant, not a duplicate
    }

    void sameSlugSameColourWithoutAStore()
    {
        CharacterPalette a, b;
        QCOMPARE(a.color(QStringLiteral("support-bot")), b.color(QStringLiteral("support-bot")));
        QCOMPARE(CharacterPalette::stableHash(QStringLiteral("a")),
                 0xe40c292cu); // FNV-1a reference value
    }

    void readableOnLightAndDark()
    {
        CharacterPalette palette;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        QPalette light;
        light.setColor(QPalette::Window, Qt::white);
        for (int i = 0; i < CharacterPalette::BaseColorCount; ++i) {
            const QString slug = QStringLiteral("c%1").arg(i);
            const QColor onLight = palette.color(slug, light);
            const QColor onDark = palette.color(slug, dark);
            // Mid-tones: neither close to white nor close to the dark window.
            QVERIFY(onLight.lightnessF() < 0.85);
            QVERIFY(onDark.lightnessF() > 0.35);
        }
    }
};

QTEST_MAIN(TestCharacterPalette)
#include "tst_characterpalette.moc"
