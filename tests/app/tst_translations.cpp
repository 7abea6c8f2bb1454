#include "app/gui/aboutbox.h"
#include "app/gui/windowtranslator.h"
#include "models/analyticsservices.h"
#include "models/characterpalette.h"
#include "models/charactertotalsmodel.h"
#include "models/sessiontablemodel.h"
#include "tests/models/analyticsfixture.h"
#include "tests/ui/assembledwindow.h"
#include "ui/charts/analyticspage.h"
#include "ui/charts/characterbarchart.h"
#include "ui/mainwindow.h"
#include "ui/report/dailyreportview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

namespace {
constexpr int Timeout = 120000;

/// One message of a Qt Linguist catalogue, as lrelease reads it.
struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; ///< the translation's type attribute: "unfinished", "vanished", "obsolete"
    QString translation;
    QStringList forms;
};

QList<Message> readCatalogue(const QString &fileName, QString *language, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        const QXmlStreamAttributes attributes = xml.attributes();
        if (name == u"TS") {
            *language = attributes.value(QStringLiteral("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            messages.append({context, {}, attributes.value(QStringLiteral("numerus")) == u"yes"});
        } else if (name == u"source" && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (name == u"translation" && !messages.isEmpty()) {
            messages.last().type = attributes.value(QStringLiteral("type")).toString();
            if (!messages.last().numerus)
                messages.last().translation = xml.readElementText();
        } else if (name == u"numerusform" && !messages.isEmpty()) {
            messages.last().forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

/// The place markers of a message (%1 … %9, %n, %Ln): a translation must keep every one.
QSet<QString> placeMarkers(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?[1-9n]"));
    QSet<QString> out;
    for (const QRegularExpressionMatch &m : marker.globalMatch(text))
        out.insert(m.captured());
    return out;
}

QString catalogue(const char *language)
{
    return QStringLiteral(SESSIONSCOPE_TRANSLATIONS_DIR "/sessionscope_%1.ts")
        .arg(QLatin1String(language));
}

QStringList titlesOf(const QList<QAction *> &actions)
{
    QStringList out;
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            out.append(action->text());
    }
    return out;
}

QStringList tabTitles(const QTabWidget *tabs)
{
    QStringList out;
    for (int i = 0; i < tabs->count(); ++i)
        out.append(tabs->tabText(i));
    return out;
}

QStringList texts(const QWidget *root)
{
    QStringList out;
    for (const QLabel *label : root->findChildren<QLabel *>())
        out.append(label->text());
    for (const QPushButton *button : root->findChildren<QPushButton *>())
        out.append(button->text());
    for (const QTableWidget *table : root->findChildren<QTableWidget *>()) {
        for (int column = 0; column < table->columnCount(); ++column)
            out.append(table->horizontalHeaderItem(column)->text());
    }
    return out;
}

/// The letter after '&' in a menu text, lower case; none for a text without one.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) != u'&')
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

/// The assembled window with the Help menu, as the application adds it.
struct Window : AssembledWindow
{
    Window(ClientStack &stack, const QString &settingsFile)
        : AssembledWindow(stack, settingsFile, [](MainWindow &w) { AboutBox::addHelpMenu(w); })
    {
        show();
    }
};
} // namespace

/// The window's languages: the German catalogue is complete and loads from the locale, the
/// window and the Analytics views read German with it, and counts take the plural form of the
/// language ("1 Sitzung", "2 Sitzungen"; "1 session", "2 sessions").
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<DemoServer>(AnalyticsFixture::options(600));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init() { m_settingsFile = m_dir.filePath(QStringLiteral("%1.ini").arg(++m_run)); }

    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void germanCatalogueIsComplete()
    {
        QString language;
        QString error;
        const QList<Message> messages = readCatalogue(catalogue("de"), &language, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(language, QStringLiteral("de"));
        QVERIFY2(messages.size() > 400, qPrintable(QString::number(messages.size())));
        int numerus = 0;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" - ") + where));
            if (m.numerus) {
                ++numerus;
                // German has two forms: one, and everything else.
                QVERIFY2(m.forms.size() == 2, qPrintable(where));
                for (const QString &form : m.forms) {
                    QVERIFY2(!form.isEmpty(), qPrintable(where));
                    QCOMPARE(placeMarkers(form), placeMarkers(m.source));
                }
            } else {
                QVERIFY2(!m.translation.isEmpty(), qPrintable(where));
                QVERIFY2(placeMarkers(m.translation) == placeMarkers(m.source), qPrintable(where));
                // An accelerator in the source has one in the translation, and only one.
                const bool hasAccelerator = !mnemonic(m.source).isNull();
                QVERIFY2(hasAccelerator == !mnemonic(m.translation).isNull(), qPrintable(where));
            }
        }
        QVERIFY(numerus >= 10);
    }

    void englishCatalogueHoldsThePluralForms()
    {
        QString language;
        QString error;
        const QList<Message> messages = readCatalogue(catalogue("en"), &language, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(language, QStringLiteral("en"));
        QVERIFY(!messages.isEmpty());
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.numerus && m.type.isEmpty(), qPrintable(where));
            QVERIFY2(m.forms.size() == 2, qPrintable(where));
            for (const QString &form : m.forms) {
                QVERIFY2(!form.contains(QStringLiteral("(s)")), qPrintable(where));
                QCOMPARE(placeMarkers(form), placeMarkers(m.source));
            }
        }
    }

    void catalogueFollowsTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << "de";
        QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria) << "de";
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << "en";
        QTest::newRow("C") << QLocale::c() << "en";
        // No French catalogue: English, with its plural forms.
        QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France) << "en";
    }

    void catalogueFollowsTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, language);
        {
            const WindowTranslator translator(locale);
            QCOMPARE(translator.language(), language);
            // Qt's own buttons in German where Debian's qt6-translations-l10n put them.
            const bool qtbase = QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                                              QStringLiteral("/qtbase_de.qm"));
            QCOMPARE(translator.hasQtTranslation(), language == u"de" && qtbase);
            QCOMPARE(QCoreApplication::translate("MainWindow", "&File"),
                     language == u"de" ? QStringLiteral("&Datei") : QStringLiteral("&File"));
        }
        // Gone with the translator.
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&File"));
    }

    void windowReadsGerman()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const WindowTranslator translator(QLocale(QLocale::German, QLocale::Germany));
        ClientStack stack(*m_server);
        Window w(stack, m_settingsFile);

        const QStringList menus = titlesOf(w.window.menuBar()->actions());
        for (const char *title : {"&Datei", "&Ansicht", "&Gespeicherte Ansichten", "&Hilfe"})
            QVERIFY2(menus.contains(QString::fromUtf8(title)), qPrintable(menus.join(u", ")));
        // Every menu's accelerators are unique, so that Alt+letter reaches one item.
        QSet<QChar> bar;
        for (QAction *menuAction : w.window.menuBar()->actions()) {
            const QChar key = mnemonic(menuAction->text());
            QVERIFY2(!bar.contains(key), qPrintable(menuAction->text()));
            bar.insert(key);
            QMenu *menu = menuAction->menu();
            QVERIFY(menu);
            QSet<QChar> keys;
            for (const QAction *item : menu->actions()) {
                const QChar itemKey = mnemonic(item->text());
                if (itemKey.isNull())
                    continue;
                QVERIFY2(!keys.contains(itemKey), qPrintable(item->text()));
                keys.insert(itemKey);
            }
        }
        const QStringList file = titlesOf(w.window.fileMenu()->actions());
        QVERIFY2(file.contains(QStringLiteral("&Beenden")), qPrintable(file.join(u", ")));

        // The window's pages (its own tab widget, not one inside a page).
        QStringList pageTitles;
        for (const QTabWidget *tabs : w.window.findChildren<QTabWidget *>()) {
            if (tabs->indexOf(w.analytics) >= 0)
                pageTitles = tabTitles(tabs);
        }
        QVERIFY2(pageTitles.contains(QStringLiteral("&Sitzungen")) &&
                     pageTitles.contains(QStringLiteral("A&uswertung")),
                 qPrintable(pageTitles.join(u", ")));

        // Analytics: its tabs, the Compare view and the Daily report.
        QTabWidget *analyticsTabs = w.analytics->findChild<QTabWidget *>();
        QVERIFY(analyticsTabs);
        QCOMPARE(tabTitles(analyticsTabs),
                 QStringList({QStringLiteral("Summen"), QStringLiteral("Pro Tag"),
                              QStringLiteral("Vergleich"), QStringLiteral("Tagesbericht")}));
        const QStringList compare = texts(analyticsTabs->widget(2));
        QVERIFY2(compare.contains(QStringLiteral("Charaktere (2–6):")),
                 qPrintable(compare.join(u" | ")));
        const QStringList report = texts(w.analytics->reportView());
        for (const char *text : {"Charakter:", "Von:", "bis:", "Anzeigen", "Kennzahl",
                                 "Dieser Zeitraum", "Teuerste Sitzung", "Längste Sitzung"})
            QVERIFY2(report.contains(QString::fromUtf8(text)), qPrintable(report.join(u" | ")));
        QCOMPARE(w.analytics->barChart()->chart()->title(), QStringLiteral("Sitzungen"));
        QCOMPARE(
            w.analytics->totalsModel()->headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Sitzungen"));
    }

    void countsTakeTheirPluralForm_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("two");
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << ": 1 Sitzung, "
                                << ": 2 Sitzungen, ";
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates)
                                 << ": 1 session, "
                                 << ": 2 sessions, ";
        QTest::newRow("C") << QLocale::c() << ": 1 session, "
                           << ": 2 sessions, ";
    }

    /// The daily report of a character's day with one session, then of a day with two, from
    /// the demo server: its status line counts them in words.
    void countsTakeTheirPluralForm()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, one);
        QFETCH(QString, two);
        QLocale::setDefault(locale);
        const WindowTranslator translator(locale);
        ClientStack stack(*m_server);
        Window w(stack, m_settingsFile);
        DailyReportView *report = w.analytics->reportView();
        report->setTimeZone(QTimeZone::utc());

        // Days (UTC) of one character with exactly one and exactly two sessions.
        QHash<QPair<QString, QDate>, int> perDay;
        for (const DemoSession &s : m_server->dataset().sessions())
            ++perDay[{s.characterSlug,
                      QDateTime::fromMSecsSinceEpoch(s.createdAtMs, QTimeZone::utc()).date()}];
        for (const auto &[sessions, expected] : {std::pair{1, one}, std::pair{2, two}}) {
            const int count = sessions;
            const auto day =
                std::find_if(perDay.keyValueBegin(), perDay.keyValueEnd(),
                             [count](const auto &entry) { return entry.second == count; });
            QVERIFY2(day != perDay.keyValueEnd(), qPrintable(QString::number(count)));
            const auto [slug, date] = (*day).first;
            report->showReport(slug, date, date);
            QTRY_VERIFY_WITH_TIMEOUT(report->report().characterSlug == slug &&
                                         report->report().totals.sessions == count,
                                     Timeout);
            QVERIFY2(report->statusText().contains(expected), qPrintable(report->statusText()));
        }
        // And as a plain translation, for the other numbers German writes in the plural.
        const bool german = locale.language() == QLocale::German;
        QCOMPARE(QCoreApplication::translate("SessionsPage", "Copied %Ln row(s).", nullptr, 1),
                 german ? QStringLiteral("1 Zeile kopiert.") : QStringLiteral("Copied 1 row."));
        QCOMPARE(QCoreApplication::translate("SessionsPage", "Copied %Ln row(s).", nullptr, 0),
                 german ? QStringLiteral("0 Zeilen kopiert.") : QStringLiteral("Copied 0 rows."));
        QCOMPARE(QCoreApplication::translate("SessionsPage", "Copied %Ln row(s).", nullptr, 2500),
                 german                   ? QStringLiteral("2.500 Zeilen kopiert.")
                 : locale == QLocale::c() ? QStringLiteral("Copied 2500 rows.")
                                          : QStringLiteral("Copied 2,500 rows."));
    }

private:
    std::unique_ptr<DemoServer> m_server;
    QTemporaryDir m_dir;
    QString m_settingsFile;
    int m_run = 0;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
