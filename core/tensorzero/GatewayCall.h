#pragma once

#include "net/HttpJob.h"
#include "tensorzero/TensorZeroError.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace diy {

class TensorZeroClient;

/// Base of the gateway jobs: runs one HttpJob (with its retries) and hands the final answer to
/// the subclass, which emits its own typed finished(). start(), cancel(); one finished() each.
class GatewayCall : public QObject {
    Q_OBJECT
public:
    ~GatewayCall() override;
    void start();
    /// Ends the job with a Cancelled error (finished() is emitted synchronously).
    void cancel();
    bool isFinished() const { return m_finished; }
    /// Schedules deleteLater() after finished() (default true).
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

signals:
    /// An attempt failed; the next follows after `delayMs`.
    void retrying(int nextAttempt, const diy::Error &reason, int delayMs);

protected:
    GatewayCall(TensorZeroClient *client, QObject *parent);
    void send(HttpRequest request);
    virtual void handleAnswer(const Result<HttpResponse> &answer) = 0;
    /// Subclasses call this right after emitting their finished().
    void markFinished();

    TensorZeroClient *m_client;
    QElapsedTimer m_clock;

private:
    virtual void begin() = 0;
    QPointer<HttpJob> m_http;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace diy
