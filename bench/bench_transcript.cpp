// Opening the longest demo transcript (about 5,000 turns): time until the model holds the
// turns and until the first screenful of bubbles is painted, against a QTextDocument holding
// the same text (the obvious one-rich-document alternative), laid out and painted the same way.
#include "bench/benchutil.h"
#include "demo/demodataset.h"
#include "models/transcriptmodel.h"
#include "ui/transcript/transcriptdelegate.h"
#include "ui/transcript/transcriptview.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
constexpr int Width = 900;
constexpr int Height = 700;
constexpr int Runs = 5;

QList<TranscriptTurn> longTranscript()
{
    const DemoDataset dataset(2000, 1, QDateTime(QDate(2026, 5, 28), QTime(12, 0), Qt::UTC));
    const DemoSession &s = dataset.sessions().at(dataset.indexOfQuirk(DemoQuirk::LongTranscript));
    QList<TranscriptTurn> out;
    for (const DemoTurn &d : dataset.transcript(s))
        out.append({d.assistant ? TranscriptTurn::Role::Assistant : TranscriptTurn::Role::User,
                    d.turnIndex, double(d.tsDs) / 10.0, d.text});
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QList<TranscriptTurn> turns = longTranscript();
    QImage image(Width, Height, QImage::Format_ARGB32_Premultiplied);

    QList<double> modelMs, paintMs, scrollMs;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        TranscriptModel model;
        model.setTurns(turns);
        modelMs.append(double(t.nsecsElapsed()) / 1e6);
        TranscriptView view;
        view.resize(Width, Height);
        view.setTranscriptModel(&model);
        view.show();
        view.viewport()->render(&image); // the first screenful, as the user sees it
        paintMs.append(double(t.nsecsElapsed()) / 1e6);
        // Jump to the end once the batched layout is done: every row's height is then known.
        while (view.verticalScrollBar()->maximum() == 0 ||
               view.bubbleDelegate()->cachedHeights() < turns.size())
            QCoreApplication::processEvents();
        view.scrollToBottom();
        view.viewport()->render(&image);
        scrollMs.append(double(t.nsecsElapsed()) / 1e6);
    }

    QString text;
    for (const TranscriptTurn &turn : turns)
        text += TranscriptModel::speakerName(turn.role) + u": "_s + turn.text + u'\n';
    QList<double> docMs;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        QTextDocument doc;
        doc.setPlainText(text);
        doc.setTextWidth(Width);
        doc.documentLayout()->documentSize(); // full layout, as a view needs for its scroll bar
        QPainter p(&image);
        doc.drawContents(&p, QRectF(0, 0, Width, Height));
        docMs.append(double(t.nsecsElapsed()) / 1e6);
    }

    QTextStream out(stdout);
    const auto ms = [](double v) {
        return u"%1 ms"_s.arg(v, 0, 'f', 1);
    };
    const double first = Bench::median(paintMs), doc = Bench::median(docMs);
    Bench::printTable(out,
                      u"Open a %1-turn transcript (median of %2)"_s.arg(turns.size()).arg(Runs),
                      {{u"model ready"_s, ms(Bench::median(modelMs)), {}, {}},
                       {u"model ready + first paint"_s, ms(first), ms(doc) + u" QTextDocument"_s,
                        u"%1×"_s.arg(doc / first, 0, 'f', 1)},
                       {u"all rows laid out + paint at the end"_s,
                        ms(Bench::median(scrollMs)),
                        ms(doc) + u" QTextDocument"_s,
                        {}}});
    return 0;
}
