#pragma once

#include "demo/demohttpserver.h"

#include <functional>

class DemoDataset;
class DemoRecordingSigner;

/// The second origin, standing in for an S3 bucket: presigned WAV recordings with byte ranges
/// (players range-request on every seek) and S3's XML errors. It never looks at credentials.
class DemoRecordingServer final : public DemoHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoRecordingServer)

public:
    DemoRecordingServer(const DemoDataset &dataset, const DemoRecordingSigner &signer,
                        FaultInjector *faults, DemoRequestLog *log, std::function<qint64()> nowSecs,
                        QObject *parent = nullptr);

protected:
    void serve(const DemoHttpRequest &request, QTcpSocket *socket,
               const std::optional<FaultInjector::Rule> &fault, DemoDelivery delivery) override;

private:
    [[nodiscard]] DemoHttpResponse answer(const DemoHttpRequest &request) const;

    const DemoDataset &m_dataset;
    const DemoRecordingSigner &m_signer;
    std::function<qint64()> m_nowSecs;
};
