#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class StoreSearchModel;

/// A search over every stored transcript: the words typed (Enter searches), how many turns
/// were found, and the list of hits with their snippets. Opening a hit (double click, Enter)
/// asks for its session at its moment.
class StoreSearchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSearchPanel)

public:
    explicit StoreSearchPanel(StoreSearchModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *field() const { return m_field; }
    [[nodiscard]] QListView *hits() const { return m_hits; }
    [[nodiscard]] QString statusText() const;

public Q_SLOTS:
    /// Puts the keyboard in the search field, its text selected.
    void focusSearch();

Q_SIGNALS:
    void hitOpened(const QString &sessionId, double seconds);

private:
    void onStatus();

    StoreSearchModel *m_model;
    QLineEdit *m_field;
    QLabel *m_status;
    QListView *m_hits;
};
