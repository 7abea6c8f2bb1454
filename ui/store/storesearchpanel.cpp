#include "ui/store/storesearchpanel.h"
#include "models/storesearchmodel.h"
#include "ui/store/searchhitdelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QVBoxLayout>

StoreSearchPanel::StoreSearchPanel(StoreSearchModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_field(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_hits(new QListView(this))
{
    m_field->setPlaceholderText(tr("Search every stored transcript (Ctrl+Shift+F)"));
    m_field->setClearButtonEnabled(true);
    m_status->setTextFormat(Qt::PlainText);
    m_field->setAccessibleName(tr("Search the store"));
    m_field->setAccessibleDescription(
        tr("Words to find in every stored transcript; Enter searches (Ctrl+Shift+F)"));
    m_hits->setAccessibleName(tr("Search results"));
    m_hits->setAccessibleDescription(tr("Sessions whose transcript matches; Enter opens one"));
    m_hits->setModel(model);
    m_hits->setItemDelegate(new SearchHitDelegate(m_hits));
    m_hits->setUniformItemSizes(false);
    m_hits->setWordWrap(true);
    m_hits->setMaximumHeight(220);
    m_hits->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_field, 1);
    row->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_hits);

    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_field->text().trimmed();
        if (text.isEmpty()) {
            m_hits->hide();
            m_status->clear();
            return;
        }
        m_model->search(text);
    });
    connect(model, &StoreSearchModel::statusChanged, this, &StoreSearchPanel::onStatus);
    connect(m_hits, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT hitOpened(index.data(StoreSearchModel::SessionIdRole).toString(),
                         index.data(StoreSearchModel::SecondsRole).toDouble());
    });
}

QString StoreSearchPanel::statusText() const
{
    return m_status->text();
}

void StoreSearchPanel::focusSearch()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void StoreSearchPanel::onStatus()
{
    switch (m_model->status()) {
    case StoreSearchModel::Status::Idle:
        m_status->clear();
        break;
    case StoreSearchModel::Status::Searching:
        m_status->setText(tr("Searching…"));
        break;
    case StoreSearchModel::Status::Failed:
        m_status->setText(m_model->lastError());
        m_hits->hide();
        break;
    case StoreSearchModel::Status::Ready: {
        const int count = m_model->rowCount();
        m_status->setText(count == 0 ? tr("No turn found")
                          : m_model->isTruncated()
                              ? tr("The first %1 turns found").arg(QLocale().toString(count))
                              : tr("%n turn(s) found", nullptr, count));
        m_hits->setVisible(count > 0);
        if (count > 0)
            m_hits->setCurrentIndex(m_model->index(0));
        break;
    }
    }
}
