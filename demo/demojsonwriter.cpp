#include "demo/demojsonwriter.h"

void DemoJsonWriter::string(QStringView value)
{
    string(QByteArrayView(value.toUtf8()));
}

void DemoJsonWriter::string(QByteArrayView utf8)
{
    separate();
    appendEscaped(m_out, utf8);
}

void DemoJsonWriter::appendEscaped(QByteArray &out, QByteArrayView utf8)
{
    static const char hexDigits[] = "0123456789abcdef";
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    const char *begin = utf8.data();
    const char *end = begin + utf8.size();
    const char *run = begin; // bytes copied in one append when nothing needs escaping
    for (const char *p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', hexDigits[c >> 4], hexDigits[c & 15]};
            out.append(esc, sizeof esc);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

QByteArray DemoJsonWriter::fixedText(qint64 value, int decimals)
{
    if (decimals <= 0)
        return QByteArray::number(value);
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(-value) : quint64(value);
    QByteArray fraction = QByteArray::number(magnitude % quint64(scale));
    fraction.prepend(QByteArray(decimals - fraction.size(), '0'));
    return (negative ? "-" : "") + QByteArray::number(magnitude / quint64(scale)) + '.' + fraction;
}
