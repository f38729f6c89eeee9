#include "MediaTestUtil.h"
#include "ProcessTable.h"

#include "media/CaptionChunker.h"
#include "media/CaptionTrack.h"
#include "media/CardRenderer.h"
#include "media/MediaTools.h"
#include "media/MergeJob.h"
#include "media/NarrationJob.h"
#include "media/QualityCheckJob.h"
#include "media/SegmentJob.h"
#include "media/WavFile.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdio>

using namespace diy;
using namespace diy::test;

namespace {
/// Mean absolute sample value of a window of a mono WAV.
double level(const WavFile &wav, qint64 fromMs, qint64 toMs)
{
    const qint64 a = std::clamp<qint64>(fromMs * wav.sampleRate / 1000, 0, wav.frames());
    const qint64 b = std::clamp<qint64>(toMs * wav.sampleRate / 1000, 0, wav.frames());
    if (b <= a)
        return 0;
    double sum = 0;
    for (qint64 i = a; i < b; ++i)
        sum += std::abs(wav.samples[i * wav.channels]);
    return sum / double(b - a);
}

bool writeAss(const QString &path, QSize frame, qint64 durationMs, const QString &text)
{
    CaptionTrack track;
    track.cues = {{0, durationMs, text}};
    CaptionStyle style;
    style.fontSize = 90;
    return AtomicFile::write(path, track.toAss(style, frame).toUtf8()).ok();
}

QImage frameAt(const QString &video, double seconds, const QString &png)
{
    bool ok = false;
    runFfmpeg({QStringLiteral("-ss"), QString::number(seconds), QStringLiteral("-i"), video, QStringLiteral("-frames:v"),
               QStringLiteral("1"), png},
              &ok);
    return ok ? QImage(png) : QImage();
}
} // namespace

class TestMediaJobs : public QObject {
    Q_OBJECT
private slots:
    void missingTool_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<int>("tool");
        QTest::addColumn<QString>("package");
        QTest::newRow("ffmpeg") << QByteArray("DIY_FFMPEG") << int(MediaTools::Tool::Ffmpeg) << QStringLiteral("ffmpeg");
        QTest::newRow("ffprobe") << QByteArray("DIY_FFPROBE") << int(MediaTools::Tool::Ffprobe) << QStringLiteral("ffmpeg");
        QTest::newRow("espeak") << QByteArray("DIY_ESPEAK") << int(MediaTools::Tool::EspeakNg) << QStringLiteral("espeak-ng");
    }

    void missingTool()
    {
        QFETCH(QByteArray, variable);
        QFETCH(int, tool);
        QFETCH(QString, package);
        QVERIFY(MediaTools::locate(MediaTools::Tool(tool)).ok());
        qputenv(variable.constData(), "/nonexistent");
        const Result<QString> located = MediaTools::locate(MediaTools::Tool(tool));
        qunsetenv(variable.constData());
        QVERIFY(!located.ok());
        QVERIFY(located.error().kind == Error::Kind::MissingTool);
        QVERIFY2(located.error().message.contains(QStringLiteral("'%1'").arg(package)), qPrintable(located.error().message));
    }

    void missingFfmpegFailsTheJob()
    {
        QTemporaryDir dir;
        QVERIFY(makeImage(dir.filePath(QStringLiteral("a.png")), QSize(180, 320), Qt::red));
        SegmentSpec spec;
        spec.imagePath = dir.filePath(QStringLiteral("a.png"));
        spec.outputPath = dir.filePath(QStringLiteral("out.mp4"));
        spec.frame = QSize(180, 320);
        spec.durationMs = 1000;
        qputenv("DIY_FFMPEG", "/nonexistent");
        SegmentJob job(spec);
        const auto status = runJob<SegmentJob, Status>(job);
        qunsetenv("DIY_FFMPEG");
        QVERIFY(status.has_value());
        QVERIFY(!status->ok());
        QVERIFY(status->error().kind == Error::Kind::MissingTool);
        QVERIFY(!QFile::exists(spec.outputPath));
    }

    void narration()
    {
        QTemporaryDir dir;
        NarrationSpec spec;
        spec.phrases = {QStringLiteral("-Fold the paper\nin half."),
                        QStringLiteral("Then open it again, and press the crease flat!"), QStringLiteral("Great job: 100% done 🎉")};
        spec.outputWav = dir.filePath(QStringLiteral("narration.wav"));
        NarrationJob job(spec);
        QList<double> progress;
        connect(&job, &ProcessJob::progressChanged, this, [&](const JobProgress &p) { progress.append(p.fraction); });
        const auto result = runJob<NarrationJob, Result<NarrationResult>>(job);
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
        const NarrationResult &narration = result->value();
        QCOMPARE(narration.wavPath, spec.outputWav);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("narration.wav")}); // no partial files left
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 1.0);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));

        const Result<WavFile> wav = WavFile::read(spec.outputWav);
        QVERIFY(wav.ok());
        QCOMPARE(wav->sampleRate, 48000);
        QVERIFY(std::abs(wav->durationMs() - narration.durationMs) <= 1);
        QVERIFY(narration.durationMs > 3000 && narration.durationMs < 15000);

        // Cues: one per phrase, in order, back to back, starting after the lead-in.
        QCOMPARE(narration.cues.size(), spec.phrases.size());
        QVERIFY(std::abs(narration.cues.first().startMs - spec.leadInMs) <= 30);
        for (qsizetype i = 0; i < narration.cues.size(); ++i) {
            const CaptionCue &cue = narration.cues[i];
            QCOMPARE(cue.text, spec.phrases[i]);
            QVERIFY(cue.endMs - cue.startMs >= 500);
            if (i > 0)
                QCOMPARE(cue.startMs, narration.cues[i - 1].endMs);
        }
        QCOMPARE(narration.cues.last().endMs, narration.durationMs);

        // The captions change with the speech: quiet just before each cue, speech right after it.
        for (const CaptionCue &cue : narration.cues) {
            const double before = level(*wav, cue.startMs - 150, cue.startMs - 40);
            const double after = level(*wav, cue.startMs, cue.startMs + 300);
            QVERIFY2(after > 20 * std::max(before, 5.0),
                     qPrintable(QStringLiteral("cue at %1 ms: before %2, after %3").arg(cue.startMs).arg(before).arg(after)));
        }

        const double lufs = integratedLoudness(spec.outputWav);
        QVERIFY2(std::abs(lufs - -16.0) <= 1.5, qPrintable(QString::number(lufs)));
    }

    void filterEscapingWithRealFfmpeg()
    {
        // A folder name with spaces, quotes, colons, percent, commas, brackets and a semicolon.
        QTemporaryDir root;
        const QString nasty = root.filePath(QStringLiteral("it's 50% a,b;c [x]: \"q\" y"));
        QVERIFY(QDir().mkpath(nasty));
        const QSize frame(180, 320);
        const QString ass = nasty + QStringLiteral("/captions, 'final'.ass");
        QVERIFY(writeAss(ass, frame, 2000, QStringLiteral("HELLO")));
        QVERIFY(makeImage(root.filePath(QStringLiteral("bg.png")), frame, QColor(30, 60, 90)));
        SegmentSpec spec;
        spec.imagePath = root.filePath(QStringLiteral("bg.png"));
        spec.assPath = ass;
        spec.outputPath = nasty + QStringLiteral("/with.mp4");
        spec.frame = frame;
        spec.durationMs = 1000;
        SegmentJob with(spec);
        const auto status = runJob<SegmentJob, Status>(with);
        QVERIFY(status.has_value());
        QVERIFY2(status->ok(), qPrintable(status->ok() ? QString() : status->error().toString()));
        spec.assPath.clear();
        spec.outputPath = nasty + QStringLiteral("/without.mp4");
        SegmentJob without(spec);
        const auto plain = runJob<SegmentJob, Status>(without);
        QVERIFY(plain.has_value() && plain->ok());
        // The captions were really burned in: the frames differ in the caption area only.
        const QImage a = frameAt(nasty + QStringLiteral("/with.mp4"), 0.5, root.filePath(QStringLiteral("a.png")));
        const QImage b = frameAt(nasty + QStringLiteral("/without.mp4"), 0.5, root.filePath(QStringLiteral("b.png")));
        QVERIFY(!a.isNull() && !b.isNull());
        int changed = 0;
        int changedAboveSafe = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                if (std::abs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y))) > 40) {
                    ++changed;
                    if (y < a.height() / 2)
                        ++changedAboveSafe;
                }
        QVERIFY2(changed > 100, qPrintable(QString::number(changed)));
        QCOMPARE(changedAboveSafe, 0); // bottom-positioned captions stay in the lower half
    }

    void twoSceneRender()
    {
        QTemporaryDir dir;
        const QSize frame(180, 320);
        QStringList segments;
        const qint64 durations[] = {1000, 1500};
        for (int i = 0; i < 2; ++i) {
            const QString image = dir.filePath(QStringLiteral("scene%1.png").arg(i));
            const QString audio = dir.filePath(QStringLiteral("scene%1.wav").arg(i));
            const QString ass = dir.filePath(QStringLiteral("scene%1.ass").arg(i));
            QVERIFY(makeImage(image, QSize(360, 640), i ? QColor(200, 120, 40) : QColor(40, 120, 200)));
            QVERIFY(makeTone(audio, durations[i] - 200, 300 + 200 * i)); // shorter than the scene: padded
            QVERIFY(writeAss(ass, frame, durations[i], QStringLiteral("Scene %1").arg(i + 1)));
            SegmentSpec spec{image, audio, ass, dir.filePath(QStringLiteral("seg%1.mp4").arg(i)), frame, 30, durations[i]};
            SegmentJob job(spec);
            QList<double> progress;
            connect(&job, &ProcessJob::progressChanged, this, [&](const JobProgress &p) { progress.append(p.fraction); });
            const auto status = runJob<SegmentJob, Status>(job);
            QVERIFY(status.has_value());
            QVERIFY2(status->ok(), qPrintable(status->ok() ? QString() : status->error().toString()));
            QVERIFY(!progress.isEmpty());
            QCOMPARE(progress.last(), 1.0);
            segments << spec.outputPath;
            const Result<ProbeInfo> info = probe(spec.outputPath);
            QVERIFY(info.ok());
            QVERIFY(std::abs(info->durationMs - durations[i]) <= 60);
        }
        const Result<ProbeInfo> first = probe(segments[0]);
        const Result<ProbeInfo> second = probe(segments[1]);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->videoTimeBaseDen, second->videoTimeBaseDen);
        QCOMPARE(first->audioProfile, second->audioProfile);

        const QString output = dir.filePath(QStringLiteral("final video.mp4"));
        MergeJob merge(MergeSpec{segments, output, {}, 0.15, 2500});
        const auto merged = runJob<MergeJob, Status>(merge);
        QVERIFY(merged.has_value());
        QVERIFY2(merged->ok(), qPrintable(merged->ok() ? QString() : merged->error().toString()));
        const Result<ProbeInfo> info = probe(output);
        QVERIFY(info.ok());
        QCOMPARE(info->videoCodec, QStringLiteral("h264"));
        QCOMPARE(info->pixelFormat, QStringLiteral("yuv420p"));
        QCOMPARE(info->videoSize, frame);
        QVERIFY(std::abs(info->fps - 30.0) < 0.01);
        QCOMPARE(info->audioCodec, QStringLiteral("aac"));
        QCOMPARE(info->sampleRate, 48000);
        QCOMPARE(info->channels, 2);
        QVERIFY2(std::abs(info->durationMs - 2500) <= 100, qPrintable(QString::number(info->durationMs)));
        QVERIFY(info->faststart);
        // Only the final file and the inputs remain: no list or partial files.
        for (const QString &name : filesIn(dir.path()))
            QVERIFY2(!name.startsWith(QLatin1Char('.')), qPrintable(name));

        // The quality check of the result: format fine, no black frames.
        QualityCheckJob check(output);
        const auto report = runJob<QualityCheckJob, Result<QualityReport>>(check);
        QVERIFY(report.has_value() && report->ok());
        QVERIFY((*report)->blackFrames.isEmpty());
        QVERIFY((*report)->hasLoudness);
        QVERIFY(!(*report)->hasErrors());

        // With music the video is still copied; only the audio is mixed again.
        const QString music = dir.filePath(QStringLiteral("music.wav"));
        QVERIFY(makeTone(music, 700, 880));
        const QString withMusic = dir.filePath(QStringLiteral("music's mix.mp4"));
        MergeJob mix(MergeSpec{segments, withMusic, music, 0.2, 2500});
        const auto mixed = runJob<MergeJob, Status>(mix);
        QVERIFY(mixed.has_value());
        QVERIFY2(mixed->ok(), qPrintable(mixed->ok() ? QString() : mixed->error().toString()));
        const Result<ProbeInfo> mixInfo = probe(withMusic);
        QVERIFY(mixInfo.ok());
        QVERIFY(std::abs(mixInfo->durationMs - info->durationMs) <= 100);
        QCOMPARE(mixInfo->audioCodec, QStringLiteral("aac"));
        // Stream copy: the video packets of both files are the same bytes.
        const auto streamHash = [&](const QString &file, const QString &stream, const QString &hashFile) {
            bool ok = false;
            runFfmpeg({QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-i"), file, QStringLiteral("-map"),
                       stream, QStringLiteral("-c"), QStringLiteral("copy"), QStringLiteral("-f"), QStringLiteral("hash"),
                       QStringLiteral("-hash"), QStringLiteral("sha256"), hashFile},
                      &ok);
            QFile f(hashFile);
            return ok && f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
        };
        const QString plainVideo = streamHash(output, QStringLiteral("0:v"), dir.filePath(QStringLiteral("plain.hash")));
        const QString mixedVideo = streamHash(withMusic, QStringLiteral("0:v"), dir.filePath(QStringLiteral("mixed.hash")));
        QVERIFY(plainVideo.startsWith(QStringLiteral("SHA256=")));
        QCOMPARE(mixedVideo, plainVideo);
        // ...while the audio was mixed again: its packets differ from the narration-only merge.
        const QString plainAudio = streamHash(output, QStringLiteral("0:a"), dir.filePath(QStringLiteral("plain-a.hash")));
        const QString mixedAudio = streamHash(withMusic, QStringLiteral("0:a"), dir.filePath(QStringLiteral("mixed-a.hash")));
        QVERIFY(plainAudio.startsWith(QStringLiteral("SHA256=")));
        QVERIFY(mixedAudio != plainAudio);
    }

    void musicLevelFollowsItsVolume()
    {
        // An expectation the merge code does not produce: the music file's own level, decoded by
        // plain ffmpeg to the output's layout, times the volume. Where the narration is silent the
        // compressor does not duck, so the mixed audio must sit at exactly that level (±1 dB: AAC).
        QTemporaryDir dir;
        const QSize frame(180, 320);
        const QString image = dir.filePath(QStringLiteral("still.png"));
        QVERIFY(makeImage(image, QSize(180, 320), QColor(30, 30, 30)));
        SegmentSpec spec{image, {}, {}, dir.filePath(QStringLiteral("quiet.mp4")), frame, 30, 2000}; // no narration
        SegmentJob segment(spec);
        const auto made = runJob<SegmentJob, Status>(segment);
        QVERIFY(made.has_value() && made->ok());
        const QString music = dir.filePath(QStringLiteral("music.wav"));
        QVERIFY(makeTone(music, 700, 880));
        const double volume = 0.25;
        const auto rmsOf = [&](const QString &file, double fromS, double toS) -> double {
            const QString raw = file + QStringLiteral(".f32");
            bool ok = false;
            runFfmpeg({QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"), file,
                       QStringLiteral("-map"), QStringLiteral("0:a"), QStringLiteral("-ac"), QStringLiteral("2"),
                       QStringLiteral("-ar"), QStringLiteral("48000"), QStringLiteral("-f"), QStringLiteral("f32le"), raw},
                      &ok);
            QFile f(raw);
            if (!ok || !f.open(QIODevice::ReadOnly))
                return -1;
            const QByteArray bytes = f.readAll();
            const auto *samples = reinterpret_cast<const float *>(bytes.constData());
            const qsizetype count = bytes.size() / qsizetype(sizeof(float));
            const qsizetype from = std::min(count, qsizetype(fromS * 48000) * 2);
            const qsizetype to = std::min(count, qsizetype(toS * 48000) * 2);
            double sum = 0;
            for (qsizetype i = from; i < to; ++i)
                sum += double(samples[i]) * samples[i];
            return to > from ? std::sqrt(sum / double(to - from)) : -1;
        };
        const double reference = rmsOf(music, 0.1, 0.6);
        QVERIFY2(reference > 0.001, qPrintable(QString::number(reference)));

        const QString plain = dir.filePath(QStringLiteral("plain.mp4"));
        MergeJob without(MergeSpec{{spec.outputPath}, plain, {}, volume, 2000});
        const auto plainDone = runJob<MergeJob, Status>(without);
        QVERIFY(plainDone.has_value() && plainDone->ok());
        QVERIFY2(rmsOf(plain, 0.3, 1.7) < reference * 0.01, "a silent scene without music is silent");

        const QString mixed = dir.filePath(QStringLiteral("mixed.mp4"));
        MergeJob with(MergeSpec{{spec.outputPath}, mixed, music, volume, 2000});
        const auto mixedDone = runJob<MergeJob, Status>(with);
        QVERIFY(mixedDone.has_value());
        QVERIFY2(mixedDone->ok(), qPrintable(mixedDone->ok() ? QString() : mixedDone->error().toString()));
        const double level = rmsOf(mixed, 0.3, 1.7);
        const double expected = reference * volume;
        const double db = 20 * std::log10(level / expected);
        QVERIFY2(std::abs(db) < 1.0,
                 qPrintable(QStringLiteral("music at %1 RMS, expected %2 (%3 dB off)").arg(level).arg(expected).arg(db, 0, 'f', 2)));
    }

    void cancelStopsPromptly()
    {
        QTemporaryDir dir;
        QVERIFY(makeImage(dir.filePath(QStringLiteral("big.png")), QSize(1080, 1920), QColor(90, 40, 10)));
        SegmentSpec spec;
        spec.imagePath = dir.filePath(QStringLiteral("big.png"));
        spec.outputPath = dir.filePath(QStringLiteral("long.mp4"));
        spec.frame = QSize(1080, 1920);
        spec.durationMs = 600000; // ten minutes: it would run for a long time
        SegmentJob job(spec);
        std::optional<Status> status;
        connect(&job, &SegmentJob::finished, this, [&](const Status &s) { status = s; });
        double progress = 0;
        connect(&job, &ProcessJob::progressChanged, this, [&](const JobProgress &p) { progress = p.fraction; });
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(progress > 0, 20000); // really encoding
        QVERIFY(job.isRunning());
        QVERIFY(!test::ProcessTable::mentioning(dir.path()).isEmpty()); // ffmpeg is at work on our files
        job.cancel();
        // Promptness is a goal measured in tests/bench (cancel_bench); here: the encoder is gone
        // by the time the job reports, and nothing of its output is left.
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 120000);
        QVERIFY2(test::ProcessTable::mentioning(dir.path()).isEmpty(), "ffmpeg still runs after finished(Cancelled)");
        QVERIFY(!status->ok());
        QVERIFY(status->error().isCancelled());
        QVERIFY(!QFile::exists(spec.outputPath));
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("big.png")});
    }

    void timeoutStopsTheJob()
    {
        QTemporaryDir dir;
        QVERIFY(makeImage(dir.filePath(QStringLiteral("big.png")), QSize(1080, 1920), Qt::darkGreen));
        SegmentSpec spec{dir.filePath(QStringLiteral("big.png")),
                         {},
                         {},
                         dir.filePath(QStringLiteral("t.mp4")),
                         QSize(1080, 1920),
                         30,
                         600000};
        SegmentJob job(spec);
        job.setTimeoutMs(1500);
        const auto status = runJob<SegmentJob, Status>(job, 10000);
        QVERIFY(status.has_value());
        QVERIFY(!status->ok());
        QVERIFY(status->error().kind == Error::Kind::Timeout);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("big.png")});
    }

    void badInputFails()
    {
        QTemporaryDir dir;
        SegmentSpec spec{dir.filePath(QStringLiteral("missing.png")),
                         {},
                         {},
                         dir.filePath(QStringLiteral("x.mp4")),
                         QSize(180, 320),
                         30,
                         1000};
        SegmentJob job(spec);
        const auto status = runJob<SegmentJob, Status>(job);
        QVERIFY(status.has_value());
        QVERIFY(status->error().kind == Error::Kind::NotFound);
        // A corrupt image makes ffmpeg fail: the error carries its stderr.
        QVERIFY(AtomicFile::write(dir.filePath(QStringLiteral("bad.png")), "not a png").ok());
        spec.imagePath = dir.filePath(QStringLiteral("bad.png"));
        SegmentJob broken(spec);
        const auto failed = runJob<SegmentJob, Status>(broken);
        QVERIFY(failed.has_value());
        QVERIFY(failed->error().kind == Error::Kind::Process);
        QVERIFY(!failed->error().detail.isEmpty());
        QVERIFY(!QFile::exists(spec.outputPath));
    }
};

QTEST_MAIN(TestMediaJobs)
#include "tst_mediajobs.moc"
