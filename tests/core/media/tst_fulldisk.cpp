// A full disk while the engine writes media (issue 10): the job fails with "No space left on
// <folder>" (never a misleading process error), leaves no partial file, and never keeps a cut
// file as if it were complete. Each case re-runs itself in a private mount namespace with a small
// tmpfs (tests/support/FullDisk.h); the parent checks the child's verdict and message.
#include "FullDisk.h"
#include "MediaTestUtil.h"

#include "media/NarrationJob.h"
#include "media/SegmentJob.h"
#include "media/VoiceSampleJob.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace diy;
using namespace diy::test;

namespace {

/// Fills `folder`'s file system with one file so that about `leaveBytes` stay free.
bool fillLeaving(const QString &folder, qint64 leaveBytes)
{
    const qint64 available = QStorageInfo(folder).bytesAvailable();
    if (available <= leaveBytes)
        return true;
    QFile ballast(QDir(folder).filePath(QStringLiteral("ballast")));
    if (!ballast.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block(64 * 1024, 'b');
    qint64 left = available - leaveBytes;
    while (left > 0) {
        const qint64 n = std::min<qint64>(left, block.size());
        if (ballast.write(block.constData(), n) != n)
            return false;
        left -= n;
    }
    return ballast.flush();
}

NarrationSpec narration(const QString &output)
{
    NarrationSpec spec;
    spec.phrases = {QStringLiteral("Fold the sheet in half along its long edge, then open it flat again and crease "
                                   "both top corners down to the centre line.")};
    spec.wordsPerMinute = 170;
    spec.outputWav = output;
    return spec;
}

/// The parent's side of a case: the child must pass and print the full-disk message.
void expectChildNamedTheFullDisk(const char *function, int sizeKb)
{
    const FullDiskRun run = runOnFullDisk(function, sizeKb);
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.output.contains(QStringLiteral("MESSAGE: No space left on")), qPrintable(run.output));
}

} // namespace

class TestFullDisk : public QObject {
    Q_OBJECT
private slots:
    void segmentEncodeOnAFullDiskIsNamed()
    {
        // ffmpeg cannot write the segment's trailer and still exits 0: the job must not take the
        // cut file for a segment.
        const QString full = fullDiskFolder();
        if (full.isEmpty())
            return expectChildNamedTheFullDisk("segmentEncodeOnAFullDiskIsNamed", 64);
        QTemporaryDir inputs; // on the ordinary disk
        const QString image = inputs.filePath(QStringLiteral("scene.png"));
        const QString audio = inputs.filePath(QStringLiteral("scene.wav"));
        QVERIFY(makeImage(image, QSize(360, 640), QColor(40, 120, 200)));
        QVERIFY(makeTone(audio, 8000, 440)); // 8 s of AAC at 160 kb/s alone is about 160 KB
        SegmentSpec spec{image, audio, {}, QDir(full).filePath(QStringLiteral("seg.mp4")), QSize(180, 320), 30, 8000};
        SegmentJob job(spec);
        const auto status = runJob<SegmentJob, Status>(job, 120000);
        QVERIFY(status.has_value());
        QVERIFY(!status->ok());
        std::printf("MESSAGE: %s\n", qPrintable(status->error().message));
        QVERIFY2(status->error().message.startsWith(QStringLiteral("No space left on ") + full + QLatin1Char('.')),
                 qPrintable(status->error().toString()));
        QVERIFY2(status->error().detail.contains(QStringLiteral("ffmpeg")), qPrintable(status->error().detail));
        QCOMPARE(filesIn(full), QStringList()); // neither the segment nor its partial
    }

    void narrationOnAFullDiskIsNamed()
    {
        // The spoken phrase (about 6 s, 260 KB at 22 kHz) does not fit: the narration says so.
        const QString full = fullDiskFolder();
        if (full.isEmpty())
            return expectChildNamedTheFullDisk("narrationOnAFullDiskIsNamed", 64);
        NarrationJob job(narration(QDir(full).filePath(QStringLiteral("scene.wav"))));
        const auto result = runJob<NarrationJob, Result<NarrationResult>>(job, 120000);
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        std::printf("MESSAGE: %s\n", qPrintable(result->error().message));
        QVERIFY2(result->error().message.startsWith(QStringLiteral("No space left on ") + full + QLatin1Char('.')),
                 qPrintable(result->error().toString()));
        QCOMPARE(filesIn(full), QStringList());
    }

    void narrationNormaliseOnAFullDiskIsNamed()
    {
        // The joined phrases fit, ffmpeg's 48 kHz output (over twice as large) does not.
        const QString full = fullDiskFolder();
        if (full.isEmpty())
            return expectChildNamedTheFullDisk("narrationNormaliseOnAFullDiskIsNamed", 4096);
        QTemporaryDir reference; // the same narration on the ordinary disk, for its size
        NarrationJob measured(narration(reference.filePath(QStringLiteral("scene.wav"))));
        const auto sized = runJob<NarrationJob, Result<NarrationResult>>(measured, 120000);
        QVERIFY(sized.has_value() && sized->ok());
        const qint64 outputBytes = QFileInfo(reference.filePath(QStringLiteral("scene.wav"))).size();
        const qint64 joinedBytes = outputBytes * 22050 / 48000; // espeak-ng speaks at 22.05 kHz
        QVERIFY(fillLeaving(full, joinedBytes + (outputBytes - joinedBytes) / 2));

        NarrationJob job(narration(QDir(full).filePath(QStringLiteral("scene.wav"))));
        const auto result = runJob<NarrationJob, Result<NarrationResult>>(job, 120000);
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        std::printf("MESSAGE: %s\n", qPrintable(result->error().message));
        QVERIFY2(result->error().message.startsWith(QStringLiteral("No space left on ") + full + QLatin1Char('.')),
                 qPrintable(result->error().toString()));
        QVERIFY2(result->error().detail.contains(QStringLiteral("ffmpeg")), qPrintable(result->error().detail));
        QCOMPARE(filesIn(full), QStringList{QStringLiteral("ballast")});
    }

    void voicePreviewOnAFullDiskIsNamed()
    {
        const QString full = fullDiskFolder();
        if (full.isEmpty())
            return expectChildNamedTheFullDisk("voicePreviewOnAFullDiskIsNamed", 64);
        VoiceSampleJob::Spec spec;
        spec.voice = QStringLiteral("en-us");
        spec.outputWav = QDir(full).filePath(QStringLiteral("preview.wav"));
        VoiceSampleJob job(spec);
        QSignalSpy finished(&job, &VoiceSampleJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        const Result<QString> wav = job.result();
        QVERIFY(!wav.ok());
        std::printf("MESSAGE: %s\n", qPrintable(wav.error().message));
        QVERIFY2(wav.error().message.startsWith(QStringLiteral("No space left on ") + full + QLatin1Char('.')),
                 qPrintable(wav.error().toString()));
        QCOMPARE(filesIn(full), QStringList());
    }

    void aFullDiskNeverCutsASpokenPhrase()
    {
        // espeak-ng ignores failed writes: with `-w` on a full disk it leaves a cut clip and exits
        // 0. The disk is full while the phrase is spoken and has room again before the clips are
        // joined (another job freed space): the narration must come out whole, never short.
        const QString full = fullDiskFolder();
        if (full.isEmpty()) {
            const FullDiskRun run = runOnFullDisk("aFullDiskNeverCutsASpokenPhrase", 4096);
            QVERIFY2(run.exitCode == 0, qPrintable(run.output));
            QVERIFY2(run.output.contains(QStringLiteral("MESSAGE: whole")), qPrintable(run.output));
            return;
        }
        QTemporaryDir reference;
        NarrationJob whole(narration(reference.filePath(QStringLiteral("scene.wav"))));
        const auto expected = runJob<NarrationJob, Result<NarrationResult>>(whole, 120000);
        QVERIFY(expected.has_value() && expected->ok());

        QVERIFY(fillLeaving(full, 8 * 1024));
        NarrationJob job(narration(QDir(full).filePath(QStringLiteral("scene.wav"))));
        // The first progress comes when the (only) phrase has been spoken, before it is joined.
        connect(&job, &Job::progressChanged, this, [full] { QFile::remove(QDir(full).filePath(QStringLiteral("ballast"))); });
        const auto result = runJob<NarrationJob, Result<NarrationResult>>(job, 120000);
        QVERIFY(result.has_value());
        QVERIFY(!QFile::exists(QDir(full).filePath(QStringLiteral("ballast")))); // the space came back
        QVERIFY2(result->ok(), result->ok() ? "" : qPrintable(result->error().toString()));
        QCOMPARE((*result)->durationMs, (*expected)->durationMs);
        QCOMPARE(QFileInfo((*result)->wavPath).size(), QFileInfo((*expected)->wavPath).size());
        std::printf("MESSAGE: whole (%lld ms)\n", static_cast<long long>((*result)->durationMs));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
