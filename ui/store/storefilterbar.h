#pragma once

#include "models/storesessiontablemodel.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLineEdit;
class QCheckBox;

/// The filters of the stored sessions, those of the API (character, tenant, days) and those
/// only a store can answer (recording status, in progress, cost and duration ranges, model,
/// tag, note). Empty fields filter nothing; Enter in any field or Apply applies them.
class StoreFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreFilterBar)

public:
    explicit StoreFilterBar(QWidget *parent = nullptr);

    /// The filter as the fields say; `error` says which field cannot be read (a minimum
    /// above its maximum), and the filter is then not to be used.
    [[nodiscard]] StoreSessionFilter filter(QString *error) const;

    QLineEdit *characterField() const { return m_character; }
    QLineEdit *tenantField() const { return m_tenant; }
    QLineEdit *modelField() const { return m_model; }
    QLineEdit *tagField() const { return m_tag; }
    QComboBox *recordingBox() const { return m_recording; }
    QComboBox *inProgressBox() const { return m_inProgress; }
    QComboBox *noteBox() const { return m_note; }
    QDoubleSpinBox *minCostBox() const { return m_minCost; }
    QDoubleSpinBox *maxCostBox() const { return m_maxCost; }
    QDoubleSpinBox *minMinutesBox() const { return m_minMinutes; }
    QDoubleSpinBox *maxMinutesBox() const { return m_maxMinutes; }
    QCheckBox *daysBox() const { return m_useDays; }
    QDateEdit *fromDate() const { return m_from; }
    QDateEdit *toDate() const { return m_to; }

public Q_SLOTS:
    void clear();

Q_SIGNALS:
    void applyRequested();

private:
    QLineEdit *m_character;
    QLineEdit *m_tenant;
    QLineEdit *m_model;
    QLineEdit *m_tag;
    QComboBox *m_recording;
    QComboBox *m_inProgress;
    QComboBox *m_note;
    QDoubleSpinBox *m_minCost;
    QDoubleSpinBox *m_maxCost;
    QDoubleSpinBox *m_minMinutes;
    QDoubleSpinBox *m_maxMinutes;
    QCheckBox *m_useDays;
    QDateEdit *m_from;
    QDateEdit *m_to;
};
