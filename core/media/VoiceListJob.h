#pragma once

#include "media/VoiceInfo.h"
#include "util/Job.h"

#include <QPointer>

class QProcess;
class QTimer;

namespace diy {

/// Lists the installed espeak-ng voices: runs `espeak-ng --voices` (asynchronously, with a
/// timeout) and parses its table; result() is the list. The studio's voice list, the voice
/// preview, the CLI and later voice providers use it.
class VoiceListJob : public ValueJob<VoiceList> {
    Q_OBJECT
public:
    explicit VoiceListJob(QObject *parent = nullptr);
    ~VoiceListJob() override;

    /// Parses the `espeak-ng --voices` table. MBROLA voices (need extra data files) are left out;
    /// each language id is listed once, sorted by display name.
    static VoiceList parse(const QByteArray &table);

protected:
    void run() override;
    void abort() override;

private:
    QPointer<QProcess> m_process;
    QTimer *m_timeout;
};

} // namespace diy
