#pragma once

#include "media/VoiceInfo.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>

class QProcess;

namespace diy {

/// Lists the installed espeak-ng voices: runs `espeak-ng --voices` (asynchronously, with a
/// timeout) and parses its table. The studio's voice list, the CLI and later voice providers use it.
class VoiceListJob : public QObject {
    Q_OBJECT
public:
    explicit VoiceListJob(QObject *parent = nullptr);
    ~VoiceListJob() override;

    void start();
    void cancel();

    /// Parses the `espeak-ng --voices` table. MBROLA voices (need extra data files) are left out;
    /// each language id is listed once, sorted by display name.
    static VoiceList parse(const QByteArray &table);

signals:
    void finished(const diy::Result<diy::VoiceList> &result);

private:
    void finish(const Result<VoiceList> &result);

    QPointer<QProcess> m_process;
    bool m_done = false;
};

} // namespace diy
