#pragma once

#include <QDialog>

class QLineEdit;
class QRadioButton;

/// Asks which store to open: a SQLite file (typed, or chosen with a file dialog) or a
/// PostgreSQL server's URL. argument() is what `--database` would take.
class OpenStoreDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenStoreDialog)

public:
    explicit OpenStoreDialog(const QString &current, QWidget *parent = nullptr);

    [[nodiscard]] QString argument() const;
    QRadioButton *sqliteChoice() const { return m_sqlite; }
    QRadioButton *postgresChoice() const { return m_postgres; }
    QLineEdit *fileField() const { return m_file; }
    QLineEdit *urlField() const { return m_url; }

private:
    void browse();
    void updateFields();

    QRadioButton *m_sqlite;
    QRadioButton *m_postgres;
    QLineEdit *m_file;
    QLineEdit *m_url;
};
