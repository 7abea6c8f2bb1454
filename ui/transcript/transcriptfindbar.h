#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class TranscriptModel;

/// Find in the transcript (Ctrl+F): the text to look for, "3 of 12", previous and next. The
/// model highlights; this bar asks it to and reports which row to bring into view.
class TranscriptFindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptFindBar)

public:
    explicit TranscriptFindBar(TranscriptModel *model, QWidget *parent = nullptr);

    /// Shows the bar and focuses the text field.
    void activate();
    void findNext();
    void findPrevious();
    [[nodiscard]] QString countText() const;
    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void showRowRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onTextChanged(const QString &text);
    void updateCount();
    void close();

    TranscriptModel *m_model;
    QLineEdit *m_edit;
    QLabel *m_count;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
};
