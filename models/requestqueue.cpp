#include "models/requestqueue.h"
#include "api/apiclient.h"

#include <type_traits>

static_assert(std::is_same_v<ApiClient::RequestId, quint64>,
              "RequestQueue keeps the client's request ids as quint64");

void RequestQueueDetail::cancel(ApiClient *client, quint64 request)
{
    client->cancel(request);
}
