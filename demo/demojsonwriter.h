#pragma once

#include <QByteArray>
#include <QString>

/// Appends JSON straight into a byte buffer. The demo renders pages of thousands of
/// sessions per second, which QJsonDocument's tree building would not sustain; callers
/// provide the structure and this class gets separators and escaping right.
class DemoJsonWriter
{
public:
    explicit DemoJsonWriter(QByteArray &out)
        : m_out(out)
    {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    /// Writes `"name":` inside an object; the value call that follows needs no separator.
    void key(const char *name)
    {
        separate();
        m_out.append('"').append(name).append("\":");
        m_afterKey = true;
    }

    void string(QStringView value);
    void string(QByteArrayView utf8);
    void stringOrNull(const QString &value)
    {
        if (value.isNull())
            null();
        else
            string(value);
    }
    void number(qint64 value)
    {
        separate();
        m_out.append(QByteArray::number(value));
    }
    /// A fixed-point number, e.g. deciseconds 1234 with 1 decimal -> 123.4
    void fixed(qint64 value, int decimals)
    {
        separate();
        m_out.append(fixedText(value, decimals));
    }
    void boolean(bool value)
    {
        separate();
        m_out.append(value ? "true" : "false");
    }
    void null()
    {
        separate();
        m_out.append("null");
    }
    /// Already valid JSON (a cached fragment).
    void raw(QByteArrayView json)
    {
        separate();
        m_out.append(json);
    }

    static QByteArray fixedText(qint64 value, int decimals);
    static void appendEscaped(QByteArray &out, QByteArrayView utf8);

private:
    void open(char c)
    {
        separate();
        m_out.append(c);
        m_first = true;
    }
    void close(char c)
    {
        m_out.append(c);
        m_first = false;
        m_afterKey = false;
    }
    void separate()
    {
        if (m_afterKey)
            m_afterKey = false;
        else if (!m_first)
            m_out.append(',');
        m_first = false;
    }

    QByteArray &m_out;
    bool m_first = true;
    bool m_afterKey = false;
};
