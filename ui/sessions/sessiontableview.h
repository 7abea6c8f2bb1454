#pragma once

#include "ui/sessions/rowscopy.h"

#include <QTableView>
#include <QTimer>
#include <QUrl>

#include <functional>

class SessionTableModel;

/// The session table: tells the model which rows are on screen (so that only those pages are
/// fetched), offers a column chooser on the header, copies selected rows, and opens a session
/// on Enter or double-click.
class SessionTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTableView)

public:
    explicit SessionTableView(QWidget *parent = nullptr);

    void setSessionModel(SessionTableModel *model);
    [[nodiscard]] SessionTableModel *sessionModel() const { return m_model; }

    /// Copies the selected rows to the clipboard; returns what was copied for the caller to
    /// report (rows not loaded are left out).
    RowsCopy::Result copySelection(RowsCopy::Format format);
    [[nodiscard]] QList<int> selectedRowNumbers() const;
    [[nodiscard]] QList<int> visibleColumns() const;

    /// Moves the current row by `delta` and opens that session (J / K in the details pane).
    void stepSession(int delta);

    /// Puts `sessionscope://session/ID` of the current row on the clipboard and returns it
    /// (empty when the row is not loaded).
    QString copyLinkToCurrent();
    /// The server that copied links name (`?server=`); none for a server only this machine
    /// reaches, such as the demo.
    void setLinkServer(const QUrl &server) { m_linkServer = server; }
    /// Sizes each shown column to its header and the rows on screen, unless the user sized
    /// the columns by hand.
    void fitColumnsToContents();
    /// The widths are the user's (dragged, or restored from a layout the user made).
    void setUserSizedColumns(bool userSized);
    [[nodiscard]] bool hasUserSizedColumns() const { return m_userSized; }
    /// While `taken` says so, Space is reported by spacePressed() instead of selecting.
    void setSpaceTaken(std::function<bool()> taken) { m_spaceTaken = std::move(taken); }

Q_SIGNALS:
    void sessionActivated(int row);
    /// Space, when the window takes it (see setSpaceTaken).
    void spacePressed();
    void copied(const RowsCopy::Result &result);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    /// Rows are one line of the font: a larger system font makes them taller.
    void changeEvent(QEvent *event) override;

private:
    QUrl m_linkServer;
    void reportViewport();
    void showHeaderMenu(const QPoint &pos);
    void showContextMenu(const QPoint &pos);
    void activateRow(int row);

    SessionTableModel *m_model = nullptr;
    QTimer m_viewportTimer;
    std::function<bool()> m_spaceTaken;
    bool m_userSized = false;
    bool m_fitting = false;
};
