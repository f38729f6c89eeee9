// The installed-voice listing (espeak-ng --voices, parsed) and the voice preview sample.
#include "media/VoiceListJob.h"
#include "media/VoiceSampleJob.h"
#include "media/WavFile.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

class TestVoices : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("table");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("names");
        const QByteArray header = "Pty Language       Age/Gender VoiceName          File                 Other Languages\n";
        QTest::newRow("two voices, sorted by name")
            << header
                   + " 5  fr-fr           --/M      French_(France)    roa/fr               \n"
                     " 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n"
            << QStringList{QStringLiteral("en-us"), QStringLiteral("fr-fr")}
            << QStringList{QStringLiteral("English (America)"), QStringLiteral("French (France)")};
        QTest::newRow("mbrola left out, duplicates once")
            << header
                   + " 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n"
                     " 5  en-us           --/M      us-mbrola-2        mb/mb-us2            (en 7)\n"
                     " 5  en-us           --/F      English_other      gmw/en-US-x          \n"
            << QStringList{QStringLiteral("en-us")} << QStringList{QStringLiteral("English (America)")};
        QTest::newRow("garbage lines ignored") << QByteArray("nonsense\n\n  x y\n") << QStringList{} << QStringList{};
    }
    void parse()
    {
        QFETCH(QByteArray, table);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, names);
        const VoiceList voices = VoiceListJob::parse(table);
        QStringList gotIds, gotNames;
        for (const VoiceInfo &v : voices) {
            gotIds << v.id;
            gotNames << v.displayName;
        }
        QCOMPARE(gotIds, ids);
        QCOMPARE(gotNames, names);
    }

    void listsTheInstalledVoices()
    {
        VoiceListJob job;
        QSignalSpy finished(&job, &VoiceListJob::finished);
        job.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        const Result<VoiceList> result = job.result();
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QVERIFY(result->size() > 5);
        bool english = false;
        for (const VoiceInfo &v : *result)
            english |= v.id == QStringLiteral("en-us");
        QVERIFY(english);
    }

    void sampleSpeaksAndRefusesUnknownVoices()
    {
        QTemporaryDir dir;
        VoiceSampleJob::Spec spec;
        spec.voice = QStringLiteral("en-us");
        spec.outputWav = dir.filePath(QStringLiteral("sample.wav"));
        VoiceSampleJob job(spec);
        QSignalSpy finished(&job, &VoiceSampleJob::finished);
        job.start();
        QVERIFY(finished.wait(30000));
        const Result<QString> wav = job.result();
        QVERIFY2(wav.ok(), wav.ok() ? "" : qPrintable(wav.error().toString()));
        const auto read = WavFile::read(*wav);
        QVERIFY(read.ok());
        QVERIFY(read->durationMs() > 1000);

        spec.voice = QStringLiteral("klingon");
        spec.outputWav = dir.filePath(QStringLiteral("klingon.wav"));
        VoiceSampleJob bad(spec);
        QSignalSpy badFinished(&bad, &VoiceSampleJob::finished);
        bad.start();
        QVERIFY(badFinished.wait(30000));
        const Result<QString> refused = bad.result();
        QCOMPARE(badFinished.count(), 1);
        QVERIFY(!QFileInfo::exists(spec.outputWav));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("klingon")), qPrintable(refused.error().message));
    }
};

QTEST_GUILESS_MAIN(TestVoices)
#include "tst_voices.moc"
