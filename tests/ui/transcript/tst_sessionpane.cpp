#include "demo/demodataset.h"
#include "models/playbackcontroller.h"
#include "models/playerbackend.h"
#include "models/transcriptmodel.h"
#include "models/waveformbuilder.h"
#include "tests/ui/silentbackend.h"
#include "ui/player/playerwidget.h"
#include "ui/player/waveformview.h"
#include "ui/transcript/sessionheader.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptdelegate.h"
#include "ui/transcript/transcriptfindbar.h"
#include "ui/transcript/transcriptview.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QSlider>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {
SessionSummary sessionWith(const QList<TranscriptTurn> &turns)
{
    SessionSummary s;
    s.sessionId = u"sess_test 1"_s;
    s.characterSlug = u"support-bot"_s;
    s.tenantId = u"acme"_s;
    s.createdAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
    s.durationSeconds = 125;
    s.turnCount = int(turns.size());
    s.originUrl = u"https://shop.example/<b>help</b>?q=1"_s;
    s.metadataJson = R"({"plan":"pro","page":{"path":"/cart","items":[1,2]}})";
    s.estimatedCost = *Money::parse(std::string_view("0.012345"));
    s.recordingStatus = RecordingStatus::Ready;
    s.recordingPresignedUrl = u"http://127.0.0.1:1/recordings/x.wav?X-Amz-Signature=secret"_s;
    s.transcript = turns;
    return s;
}

QList<TranscriptTurn> turnsFrom(const QList<DemoTurn> &demo)
{
    QList<TranscriptTurn> out;
    for (const DemoTurn &d : demo) {
        TranscriptTurn t;
        t.role = d.assistant ? TranscriptTurn::Role::Assistant : TranscriptTurn::Role::User;
        t.turnIndex = d.turnIndex;
        t.ts = double(d.tsDs) / 10.0;
        t.text = d.text;
        out.append(t);
    }
    return out;
}

QList<TranscriptTurn> trickyTurns()
{
    const QStringList texts = {u"<b>bold?</b> <img src=x onerror=alert(1)> &amp;"_s,
                               u"مرحبا، كيف يمكنني مساعدتك اليوم؟"_s,
                               u"# not a heading\n* not a list"_s, u"bell\u0007 escape\u001b"_s};
    QList<TranscriptTurn> out;
    for (int i = 0; i < texts.size(); ++i)
        out.append({i % 2 ? TranscriptTurn::Role::User : TranscriptTurn::Role::Assistant, i,
                    double(i * 5), texts.at(i)});
    return out;
}
} // namespace

class TestSessionPane : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionPane> makePane()
    {
        auto pane = std::make_unique<SessionPane>(
            new PlaybackController(new SilentBackend, nullptr, nullptr));
        pane->resize(800, 600);
        pane->show();
        return pane;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void delegateShowsTheRawText()
    {
        auto pane = makePane();
        pane->showSession(sessionWith(trickyTurns()));
        TranscriptModel *model = pane->model();
        TranscriptDelegate *delegate = pane->view()->bubbleDelegate();
        const QFont font = pane->view()->font();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row);
            const QString raw = index.data(TranscriptModel::RawTextRole).toString();
            qreal height = 0;
            QTextLayout *layout = delegate->layoutFor(index, font, 400, &height);
            if (row == 3) { // control characters become visible symbols, one for one
                QCOMPARE(layout->text(), TranscriptModel::displayText(raw));
                QVERIFY(layout->text().contains(QChar(0x2407)));
                continue;
            }
            QCOMPARE(TranscriptDelegate::displayedText(index), raw);
            QCOMPARE(layout->text(), raw);
            if (row == 0) {
                // Qt would take this for rich text; the bubble must not: as rich text the tags
                // vanish and the line gets shorter than the plain string's advance.
                QVERIFY(Qt::mightBeRichText(raw));
                const qreal plain = QFontMetricsF(font).horizontalAdvance(raw);
                QVERIFY(qAbs(layout->lineAt(0).naturalTextWidth() - plain) < 2.0);
                QTextDocument rich;
                rich.setDefaultFont(font);
                rich.setHtml(raw);
                QVERIFY(rich.toPlainText() != raw);
            }
            if (row == 1)
                QCOMPARE(layout->textOption().textDirection(), Qt::RightToLeft);
        }
        QImage image(800, 600, QImage::Format_ARGB32);
        image.fill(Qt::white);
        pane->view()->viewport()->render(&image);
        QCOMPARE(pane->model()->index(0).data(Qt::ToolTipRole).toString().left(6), u"Turn 0"_s);
    }

    void rightToLeftTextStaysInItsBubble_data()
    {
        QTest::addColumn<bool>("assistant");
        QTest::addColumn<QString>("text");
        const QString arabic = u"مرحبا، كيف يمكنني مساعدتك اليوم؟ أريد أن أعرف حالة طلبي من فضلك، "
                               u"لقد طلبته الأسبوع الماضي ولم يصل بعد."_s;
        QTest::newRow("caller, several lines") << false << arabic;
        QTest::newRow("character, several lines") << true << arabic;
        QTest::newRow("short") << false << u"شكرا"_s;
        QTest::newRow("mixed") << true << u"رقم الطلب هو 12345 وشكرا"_s;
    }

    void rightToLeftTextStaysInItsBubble()
    {
        QFETCH(bool, assistant);
        QFETCH(QString, text);
        auto pane = makePane();
        pane->resize(420, 600);
        pane->showSession(
            sessionWith({{assistant ? TranscriptTurn::Role::Assistant : TranscriptTurn::Role::User,
                          0, 0.0, text}}));
        QTRY_VERIFY(pane->view()->viewport()->width() > 0);
        TranscriptDelegate *delegate = pane->view()->bubbleDelegate();
        const QModelIndex index = pane->model()->index(0);
        QStyleOptionViewItem option;
        option.initFrom(pane->view()->viewport());
        option.font = pane->view()->font();
        option.palette.setColor(QPalette::Text, Qt::black);
        option.palette.setColor(QPalette::PlaceholderText, Qt::green);
        const QSize size = delegate->sizeHint(option, index);
        option.rect = QRect(QPoint(0, 0), size);
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            delegate->paint(&painter, option, index);
        }
        // The bubble is the most common colour that is neither the background nor the caption;
        // the text is the near-black ink.
        QHash<QRgb, int> counts;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = image.pixel(x, y);
                if (c != qRgb(255, 255, 255) && qGray(c) >= 80 && qGreen(c) < 250)
                    ++counts[c];
            }
        }
        QRgb fill = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (!counts.contains(fill) || it.value() > counts.value(fill))
                fill = it.key();
        }
        QRect bubble;
        QRect ink;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = image.pixel(x, y);
                if (c == fill)
                    bubble |= QRect(x, y, 1, 1);
                else if (qGray(c) < 80)
                    ink |= QRect(x, y, 1, 1);
            }
        }
        QVERIFY(!ink.isEmpty());
        QVERIFY2(bubble.contains(ink),
                 qPrintable(u"ink %1..%2 outside bubble %3..%4"_s.arg(ink.left())
                                .arg(ink.right())
                                .arg(bubble.left())
                                .arg(bubble.right())));
    }

    void slidersAreUsableAndNamed()
    {
        // The pane as it opens beside the list at 1024 px: the sliders keep a width a hand can
        // use and carry names for screen readers.
        auto pane = makePane();
        pane->resize(380, 600);
        pane->showSession(sessionWith(trickyTurns()));
        QSlider *seek = pane->player()->seekSlider();
        QSlider *volume = pane->player()->volumeSlider();
        QTRY_VERIFY(seek->width() >= 160);
        QVERIFY(volume->width() >= 90);
        QVERIFY(seek->width() > 2 * seek->height());
        QVERIFY(volume->width() > 2 * volume->height());
        QCOMPARE(seek->accessibleName(), u"Position"_s);
        QCOMPARE(volume->accessibleName(), u"Volume"_s);
    }

    void waveformShowsSpeechSilenceAndSpeakers()
    {
        // Half a second of near silence (a caller's turn), then loud speech (the character's).
        Waveform waveform;
        waveform.durationMs = 10000;
        for (int i = 0; i < 100; ++i)
            waveform.peaks.append(i < 50 ? 0.004f : 0.08f);
        WaveformView view;
        view.resize(400, 60);
        view.setDuration(10000);
        view.setWaveform(waveform);
        view.setTurnMarks({0, 5000}, {false, true});
        QImage image(view.size(), QImage::Format_RGB32);
        view.render(&image);
        const QRgb base = view.palette().color(QPalette::Base).rgb();
        const auto inkHeight = [&](int x) {
            int ink = 0;
            for (int y = 0; y < image.height(); ++y)
                ink += image.pixel(x, y) != base ? 1 : 0;
            return ink;
        };
        // Quiet peaks of a quiet recording still read as quiet against its loud ones, and the
        // loud ones fill the height however low the recording's level.
        QVERIFY2(inkHeight(100) < image.height() / 5, qPrintable(QString::number(inkHeight(100))));
        QVERIFY2(inkHeight(300) > image.height() * 3 / 4,
                 qPrintable(QString::number(inkHeight(300))));
        // Each turn in its speaker's colour.
        const QRgb caller = image.pixel(100, image.height() / 2);
        const QRgb character = image.pixel(300, image.height() / 2);
        QVERIFY(qGreen(caller) > qBlue(caller));
        QVERIFY(qBlue(character) > qGreen(character));
        QVERIFY(!view.accessibleName().isEmpty());
    }

    void longTranscriptOpensAndScrolls()
    {
        const DemoDataset dataset(2000, 1, QDateTime(QDate(2026, 5, 28), QTime(12, 0), Qt::UTC));
        const int index = dataset.indexOfQuirk(DemoQuirk::LongTranscript);
        QVERIFY(index >= 0);
        const auto turns = turnsFrom(dataset.transcript(dataset.sessions().at(index)));
        QVERIFY(turns.size() >= 4000);
        auto pane = makePane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        pane->showSession(sessionWith(turns));
        TranscriptView *view = pane->view();
        QTRY_VERIFY_WITH_TIMEOUT(view->verticalScrollBar()->maximum() > 100000, 30000);
        view->scrollToBottom();
        QTRY_VERIFY(view->indexAt(view->viewport()->rect().bottomLeft() + QPoint(20, -10)).row() >
                    int(turns.size()) - 20);
        // Heights are cached per row: bounded by the row count.
        QVERIFY(view->bubbleDelegate()->cachedHeights() <= turns.size());
    }

    void findHighlightsCountsAndMoves()
    {
        auto pane = makePane();
        pane->showSession(sessionWith(trickyTurns()));
        QApplication::setActiveWindow(pane.get());
        QVERIFY(QTest::qWaitForWindowActive(pane.get()));
        pane->view()->setFocus();
        QTest::keySequence(pane->view(), QKeySequence::Find);
        TranscriptFindBar *bar = pane->findBar();
        QTRY_VERIFY(bar->isVisible());
        bar->lineEdit()->setText(u"not"_s);
        QCOMPARE(bar->countText(), u"1 of 2"_s);
        bar->findNext();
        QCOMPARE(bar->countText(), u"2 of 2"_s);
        QCOMPARE(pane->model()
                     ->index(2)
                     .data(TranscriptModel::MatchesRole)
                     .value<QList<TextRange>>()
                     .size(),
                 2);
        bar->lineEdit()->setText(u"<img"_s);
        QCOMPARE(bar->countText(), u"1 of 1"_s);
        bar->lineEdit()->setText(u"zzz"_s);
        QCOMPARE(bar->countText(), u"No matches"_s);
    }

    void headerShowsFieldsAsText()
    {
        auto pane = makePane();
        const SessionSummary s = sessionWith(trickyTurns());
        pane->showSession(s);
        SessionHeader *h = pane->header();
        QCOMPARE(h->fieldText(u"Character"_s), u"support-bot"_s);
        QCOMPARE(h->fieldText(u"Finalized"_s), u"in progress"_s);
        QCOMPARE(h->fieldText(u"Duration"_s), u"2 min 05 s"_s);
        QVERIFY(h->fieldText(u"Cost"_s).contains(u"0.012345"_s));
        QCOMPARE(h->fieldText(u"Origin"_s), s.originUrl); // shown literally, tags and all
        QCOMPARE(h->metadataTree()->topLevelItemCount(), 2);
        QVERIFY(!h->metadataTree()->findItems(u"path"_s, Qt::MatchRecursive).isEmpty());
    }

    void fieldsTheContractDoesNotNameAreInTheDetails()
    {
        auto pane = makePane();
        SessionSummary s = sessionWith(trickyTurns());
        s.otherFields = {{u"sentiment_score"_s, "0.30"},
                         {u"<i>x_region</i>"_s, R"("<b>eu-west</b>")"}};
        pane->showSession(s);
        const auto shown = pane->header()->otherFieldTexts();
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.at(0), std::pair(u"sentiment_score"_s, u"0.30"_s));
        // Name and value come from the server: shown as text, tags and all.
        QCOMPARE(shown.at(1), std::pair(u"<i>x_region</i>"_s, u"<b>eu-west</b>"_s));
        // The next session's fields replace them.
        pane->showSession(sessionWith(trickyTurns()));
        QVERIFY(pane->header()->otherFieldTexts().isEmpty());
    }

    void compactHeaderLeavesTheRoomToTheTranscript()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto pane = makePane();
        pane->resize(420, 700);
        SessionSummary s = sessionWith(trickyTurns());
        s.id = 48213;
        s.user = 77;
        s.recordingUrl = u"https://cdn.example/rec/x.wav"_s;
        pane->showSession(s);
        SessionHeader *h = pane->header();
        // On top: character, time, duration, cost and status, then the ID with its buttons.
        const QString summary = h->summaryText();
        for (const QString &part :
             {u"support-bot"_s, u"2 min 05 s"_s, u"$0.01"_s, u"in progress"_s, u"2026-05-01"_s})
            QVERIFY2(summary.contains(part), qPrintable(summary));
        QCOMPARE(h->fieldText(u"Session"_s), s.sessionId);
        // The rest is one click away, every field the API sends included.
        QVERIFY(!h->detailsToggle()->isChecked());
        QVERIFY(h->sizeHint().height() < 160);
        QCOMPARE(h->fieldText(u"Number"_s), u"48,213"_s);
        QCOMPARE(h->fieldText(u"User"_s), u"77"_s);
        QCOMPARE(h->fieldText(u"Recording"_s), s.recordingUrl);
        h->detailsToggle()->setChecked(true);
        QTRY_VERIFY(h->metadataTree()->parentWidget()->isVisible());
    }

    void exportsAndBundle()
    {
        auto pane = makePane();
        pane->showSession(sessionWith(trickyTurns()));
        QTemporaryDir dir;
        QString error;
        const QString md = dir.filePath(u"t.md"_s);
        QVERIFY2(pane->exportTranscript(md, TranscriptExport::Format::Markdown, &error),
                 qPrintable(error));
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        QVERIFY(mdFile.readAll().contains("\\# not a heading"));
        const QString folder = pane->exportBundle(dir.path(), &error);
        QVERIFY2(!folder.isEmpty(), qPrintable(error));
        for (const char *name :
             {"session.json", "transcript.json", "transcript.txt", "transcript.md"})
            QVERIFY2(QFile::exists(QDir(folder).filePath(QString::fromLatin1(name))), name);
        QFile session(QDir(folder).filePath(u"session.json"_s));
        QVERIFY(session.open(QIODevice::ReadOnly));
        const QByteArray json = session.readAll();
        QVERIFY(json.contains("0.012345"));
        QVERIFY(!json.contains("X-Amz-Signature")); // a presigned URL is never written
    }
};

QTEST_MAIN(TestSessionPane)
#include "tst_sessionpane.moc"
