#pragma once

#include "api/usagepage.h"
#include "api/usagequery.h"

#include <QString>
#include <QVariantList>

class SessionStore;

/// The API's filter (character, tenant, inclusive range of created_at) as SQL over `sessions`
/// under the alias `s`, so that the store answers for exactly the sessions the API would.
namespace StoreFilter {
/// " AND …" conditions (empty without a filter), their values appended to `values`.
[[nodiscard]] QString conditions(const UsageQuery &query, QVariantList *values);
} // namespace StoreFilter

/// Totals of the stored sessions of a filter, computed in SQL as the API's report gives them:
/// the cost summed in integer micro-dollars.
namespace StoreTotals {
/// False with the database's message.
bool compute(const SessionStore &store, const UsageQuery &query, UsageTotals *totals,
             QString *error);
} // namespace StoreTotals
