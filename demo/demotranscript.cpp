// Transcript generation for DemoDataset: turns are rebuilt on demand from each session's seed,
// so a dataset of 100,000 sessions costs no transcript memory until a page is rendered.

#include "demo/demodataset.h"

#include "demo/demorandom.h"

using namespace Qt::StringLiterals;

namespace {

const QStringList &assistantLines()
{
    static const QStringList lines = {
        u"Hi, thanks for calling. How can I help you today?"_s,
        u"Sure, let me look that up for you."_s,
        u"I found your booking. It is confirmed for Thursday at 10:30."_s,
        u"Could you spell your last name for me, please?"_s,
        u"That plan costs $49 per month, billed annually."_s,
        u"I can transfer you to a specialist if you prefer."_s,
        u"Great, I have updated your preferences."_s,
        u"Is there anything else I can do for you?"_s,
        u"Let's practise that sentence once more, a little slower."_s,
        u"Your appointment reminder will arrive by text 24 hours before."_s,
    };
    return lines;
}

const QStringList &userLines()
{
    static const QStringList lines = {
        u"Hi, I'd like to change my appointment."_s,
        u"Yes, that's right."_s,
        u"Hmm, can you repeat that?"_s,
        u"It's Kowalski, K-O-W-A-L-S-K-I."_s,
        u"How much does the premium plan cost?"_s,
        u"No, wait, I meant next week."_s,
        u"Okay, thanks."_s,
        u"That's all, bye!"_s,
        u"Sorry, the line is bad, I'm on the train."_s,
        u"Can I pay by card?"_s,
    };
    return lines;
}

QString quirkLine(DemoQuirk quirk, int turn)
{
    switch (quirk) {
    case DemoQuirk::Unicode: {
        static const QStringList lines = {
            u"مرحبا، أريد تغيير موعدي من فضلك."_s,
            u"你好，我想预约下周二的课程。"_s,
            u"Здравствуйте, подскажите, пожалуйста, мой баланс."_s,
            u"नमस्ते, मुझे अपना पासवर्ड बदलना है।"_s,
            u"Mixed: العربية then English then 中文 then Ελληνικά."_s,
        };
        return lines.at(turn % lines.size());
    }
    case DemoQuirk::Emoji: {
        static const QStringList lines = {
            u"Thanks! 👍😀"_s,
            u"Family: 👨‍👩‍👧‍👦 flags: 🇺🇦🇯🇵 skin tones: 👋🏽👋🏿"_s,
            u"🎉🎉🎉"_s,
            u"Math: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and a lone combining mark: e\u0301"_s,
        };
        return lines.at(turn % lines.size());
    }
    case DemoQuirk::Html: {
        static const QStringList lines = {
            u"<b>bold</b> <script>alert(1)</script> &amp;"_s,
            u"<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">click</a>"_s,
            u"Quote \" backslash \\ tab\t bell\u0007 null-ish \u0001 end"_s,
            u"</td></tr></table><!-- comment --> &lt;not a tag&gt;"_s,
        };
        return lines.at(turn % lines.size());
    }
    case DemoQuirk::Markdown: {
        static const QStringList lines = {
            u"# Heading\n\n**bold** _italic_ `code`"_s,
            u"- item one\n- item two\n  1. nested"_s,
            u"[a link](https://example.com) and ![image](https://example.com/x.png)"_s,
            u"```\ncode block\n```\n> quoted"_s,
        };
        return lines.at(turn % lines.size());
    }
    case DemoQuirk::EmptyTurns:
        return (turn % 3 == 1) ? QString() : (turn % 3 == 2) ? u"   "_s : QString();
    default:
        return {};
    }
}

} // namespace

QList<DemoTurn> DemoDataset::timeline(const DemoSession &s) const
{
    DemoRandom rng(DemoRandom::mix(s.seed, 1));
    QList<DemoTurn> turns;
    turns.reserve(s.turnCount);
    const qint64 first = 3 + qint64(rng.below(12));
    // Even slots with jitter inside each slot: ts strictly increases and stays inside duration.
    const qint64 span = std::max<qint64>(s.durationDs - first - 10, s.turnCount);
    bool assistant = !rng.chance(0.1);
    for (int i = 0; i < s.turnCount; ++i) {
        const qint64 slotStart = first + span * i / s.turnCount;
        const qint64 slotLength = span * (i + 1) / s.turnCount - span * i / s.turnCount;
        DemoTurn t;
        t.turnIndex = i;
        t.assistant = assistant;
        t.tsDs = slotStart +
                 (i == 0 ? 0 : qint64(rng.below(quint64(std::max<qint64>(1, slotLength / 3)))));
        turns.append(t);
        if (!rng.chance(0.08)) // mostly alternating; sometimes a speaker continues
            assistant = !assistant;
    }
    return turns;
}

QList<DemoTurn> DemoDataset::transcript(const DemoSession &s) const
{
    QList<DemoTurn> turns = timeline(s);
    DemoRandom rng(DemoRandom::mix(s.seed, 2));
    const DemoCharacter &c = character(s);
    for (DemoTurn &t : turns) {
        if (s.quirk != DemoQuirk::None && s.quirk != DemoQuirk::LongTranscript &&
            s.quirk != DemoQuirk::OddSessionId && t.turnIndex % 2 == 1) {
            t.text = quirkLine(s.quirk, t.turnIndex / 2);
            continue;
        }
        if (t.turnIndex == 0 && t.assistant) {
            t.text = u"Hello, this is %1. How can I help?"_s.arg(c.name);
            continue;
        }
        t.text = t.assistant ? rng.pick(assistantLines()) : rng.pick(userLines());
    }
    return turns;
}

QString DemoDataset::transcriptText(const QList<DemoTurn> &turns)
{
    QString text;
    for (const DemoTurn &t : turns) {
        if (!text.isEmpty() || t.turnIndex > 0)
            text += u'\n';
        text += t.assistant ? u"Assistant: "_s : u"User: "_s;
        text += t.text;
    }
    return text;
}
