#pragma once

#include "demo/demohttpserver.h"
#include "demo/demopagerenderer.h"

#include <functional>

class DemoAuth;
class DemoDataset;
class DemoRecordingSigner;

/// The API origin: usage pages, session details, login and the character list, answered
/// from memory as the platform would.
class DemoApiServer final : public DemoHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoApiServer)

public:
    DemoApiServer(const DemoDataset &dataset, const DemoAuth &auth,
                  const DemoRecordingSigner &signer, FaultInjector *faults, DemoRequestLog *log,
                  std::function<qint64()> nowSecs, qint64 pageCacheBytes,
                  QObject *parent = nullptr);

    /// Must follow start(): pagination links are absolute URLs on this origin.
    void updateBaseUrl();
    [[nodiscard]] const DemoPageRenderer &renderer() const { return m_renderer; }

protected:
    void serve(const DemoHttpRequest &request, QTcpSocket *socket,
               const std::optional<FaultInjector::Rule> &fault, DemoDelivery delivery) override;

private:
    DemoHttpResponse route(const DemoHttpRequest &request,
                           const std::optional<FaultInjector::Rule> &fault);
    DemoHttpResponse usage(const DemoCaller &caller, const DemoHttpRequest &request,
                           const std::optional<FaultInjector::Rule> &fault);
    DemoHttpResponse detail(const DemoCaller &caller, const QString &sessionId,
                            const std::optional<FaultInjector::Rule> &fault);
    DemoHttpResponse characters(const DemoCaller &caller) const;
    DemoHttpResponse login(const DemoHttpRequest &request) const;
    DemoHttpResponse refresh(const DemoHttpRequest &request) const;

    const DemoDataset &m_dataset;
    const DemoAuth &m_auth;
    const DemoRecordingSigner &m_signer;
    std::function<qint64()> m_nowSecs;
    DemoPageRenderer m_renderer;
};
