#include "ui/store/openstoredialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace {
bool isUrl(const QString &argument)
{
    return argument.startsWith(QStringLiteral("postgresql://")) ||
           argument.startsWith(QStringLiteral("postgres://"));
}
} // namespace

OpenStoreDialog::OpenStoreDialog(const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_sqlite(new QRadioButton(tr("SQLite &file"), this))
    , m_postgres(new QRadioButton(tr("&PostgreSQL server"), this))
    , m_file(new QLineEdit(this))
    , m_url(new QLineEdit(this))
{
    setWindowTitle(tr("Open store"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/sessions"));
    m_file->setPlaceholderText(tr("the file sessionscope sync wrote"));
    if (isUrl(current)) {
        m_postgres->setChecked(true);
        m_url->setText(current);
    } else {
        m_sqlite->setChecked(true);
        m_file->setText(current);
    }
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &OpenStoreDialog::browse);
    browse->setAccessibleName(tr("Browse"));
    browse->setAccessibleDescription(tr("Chooses the SQLite file in a file dialog"));
    m_sqlite->setAccessibleName(tr("SQLite file"));
    m_sqlite->setAccessibleDescription(tr("Opens a store kept in a SQLite file"));
    m_postgres->setAccessibleName(tr("PostgreSQL server"));
    m_postgres->setAccessibleDescription(tr("Opens a store kept on a PostgreSQL server"));
    m_file->setAccessibleName(tr("SQLite file"));
    m_file->setAccessibleDescription(tr("The path of the file sessionscope sync wrote"));
    m_url->setAccessibleName(tr("PostgreSQL URL"));
    m_url->setAccessibleDescription(tr("The server's URL: postgresql://user@host:port/database"));
    connect(m_sqlite, &QRadioButton::toggled, this, &OpenStoreDialog::updateFields);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    buttons->button(QDialogButtonBox::Open)->setAccessibleDescription(tr("Opens this store"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setAccessibleDescription(tr("Closes the dialog and keeps the store in use"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *hint = new QLabel(tr("A password in the URL is used for this connection and kept in "
                               "the settings file; leave it out to use ~/.pgpass."),
                            this);
    hint->setWordWrap(true);

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_sqlite, 0, 0);
    grid->addWidget(m_file, 0, 1);
    grid->addWidget(browse, 0, 2);
    grid->addWidget(m_postgres, 1, 0);
    grid->addWidget(m_url, 1, 1, 1, 2);
    grid->addWidget(hint, 2, 0, 1, 3);
    grid->addWidget(buttons, 3, 0, 1, 3);
    updateFields();
}

QString OpenStoreDialog::argument() const
{
    return (m_sqlite->isChecked() ? m_file->text() : m_url->text()).trimmed();
}

void OpenStoreDialog::browse()
{
    const QString start = m_file->text().isEmpty() ? QString() : QFileInfo(m_file->text()).path();
    const QString chosen = QFileDialog::getOpenFileName(
        this, tr("Open store"), start, tr("SQLite stores (*.sqlite *.db);;All files (*)"));
    if (!chosen.isEmpty())
        m_file->setText(chosen);
}

void OpenStoreDialog::updateFields()
{
    m_file->setEnabled(m_sqlite->isChecked());
    m_url->setEnabled(!m_sqlite->isChecked());
}
