#include "ui/store/storesyncbar.h"
#include "models/storesynccontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

StoreSyncBar::StoreSyncBar(StoreSyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel sync"), this))
{
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
    connect(m_cancel, &QPushButton::clicked, sync, &StoreSyncController::cancel);
    connect(sync, &StoreSyncController::started, this, [this] {
        m_bar->setRange(0, 0); // until the first page says how many there are
        m_label->setText(tr("Syncing…"));
        show();
    });
    connect(sync, &StoreSyncController::progress, this,
            [this](int pagesDone, int pageCount, qint64 written, qint64 elapsedMs) {
                if (pageCount > 0) {
                    m_bar->setRange(0, pageCount);
                    m_bar->setValue(pagesDone);
                }
                const double seconds = qMax<qint64>(1, elapsedMs) / 1000.0;
                const QLocale locale;
                m_label->setText(
                    tr("Syncing: %Ln session(s) written (%1 a second)", nullptr, int(written))
                        .arg(locale.toString(qRound64(written / seconds))));
            });
    connect(sync, &StoreSyncController::finished, this, &QWidget::hide);
}

QString StoreSyncBar::text() const
{
    return m_label->text();
}
