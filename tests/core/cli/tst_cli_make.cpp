// diy-studio-cli make / continue as a creator runs them, against the strict TensorZero gateway
// double and the strict Gemini and OpenAI-compatible image doubles (all in this process, on
// 127.0.0.1): the review gates, the estimate, a finished video, what is paid (counted at the
// doubles and in the ledger), a run killed with SIGKILL in the middle of the pictures that goes on
// without repeating any finished paid call, and the clear refusals (no key, no gateway, no --yes).
#include "TestPaths.h"
#include "TzTestSupport.h"
#include "images/GeminiImageDouble.h"
#include "images/OpenAiImageDouble.h"
#include "model/Ledger.h"
#include "store/ProjectStore.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace diy;
using namespace diy::test;

namespace {
const QString kBrief = QStringLiteral("how to make paper airplanes that fly far");
}

class TestCliMake : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<ImageApiDouble> m_images;
    std::unique_ptr<QTemporaryDir> m_dir;

    QProcessEnvironment environment(const QString &imageApi) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("DIY_TENSORZERO_URL"), m_gateway->url().toString());
        env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("home/.local/share")));
        env.remove(QStringLiteral("GEMINI_API_KEY"));
        env.remove(QStringLiteral("OPENAI_API_KEY"));
        if (imageApi == QStringLiteral("gemini")) {
            env.insert(QStringLiteral("DIY_GEMINI_URL"), m_images->url().toString());
            env.insert(QStringLiteral("GEMINI_API_KEY"), m_images->apiKey());
        } else if (imageApi == QStringLiteral("openai")) {
            env.insert(QStringLiteral("OPENAI_BASE_URL"), m_images->url().toString() + QStringLiteral("/v1"));
            env.insert(QStringLiteral("OPENAI_API_KEY"), m_images->apiKey());
        }
        return env;
    }

    /// Starts the CLI; this process's event loop keeps serving the doubles while it runs.
    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &env)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(cliPath(), args);
        return p;
    }
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run finish(QProcess &p)
    {
        Run run;
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, kHungJobMs)) {
            p.kill();
            p.waitForFinished();
            return run;
        }
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return run;
    }
    Run cli(const QStringList &args, const QProcessEnvironment &env)
    {
        auto p = start(args, env);
        if (!p->waitForStarted())
            return {};
        return finish(*p);
    }
    int inferences(const QString &function) const
    {
        int n = 0;
        for (const GatewayDouble::Recorded &r : m_gateway->requests(QStringLiteral("/inference")))
            if (r.json.is_object() && r.json.value("function_name", std::string()) == function.toStdString())
                ++n;
        return n;
    }
    static nlohmann::json lastJson(const QString &out)
    {
        const qsizetype start = out.indexOf(QLatin1Char('{'));
        return start < 0 ? nlohmann::json() : nlohmann::json::parse(out.mid(start).toStdString(), nullptr, false);
    }
    static int receipts(const QString &project)
    {
        return int(
            QDir(project + QStringLiteral("/assets/images/receipts")).entryList({QStringLiteral("*.json")}, QDir::Files).size());
    }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), "DIY_CLI must point at diy-studio-cli");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY(m_gateway->listen());
    }
    void cleanup()
    {
        m_images.reset();
        m_gateway.reset();
        m_dir.reset();
    }

    /// The creator's way with reviews: script (stop), prompts and pictures (stop), render.
    void reviewedMakeWithGeminiEndsInAVideo()
    {
        m_images = std::make_unique<GeminiImageDouble>();
        QVERIFY(m_images->listen());
        const QString project = m_dir->filePath(QStringLiteral("feeder"));
        const QProcessEnvironment env = environment(QStringLiteral("gemini"));

        Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("gemini"),
                       QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--project"), project},
                      env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Estimate")) && run.out.contains(QStringLiteral("Pictures")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("continue")), qPrintable(run.out));
        QCOMPARE(inferences(QStringLiteral("script_generator")), 1);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 0); // nothing past the script before the review
        QCOMPARE(m_images->pictureRequests(), 0);
        auto loaded = ProjectStore::load(project);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QVERIFY(loaded->script.has_value());
        QVERIFY(loaded->scriptOrigin.has_value());
        const int scenes = int(loaded->scenes().size());
        QVERIFY(scenes >= 5);
        // The script's time is measured for later estimates.
        QVERIFY(!loaded->runs.isEmpty());
        QVERIFY(loaded->runs.last().stageSeconds.count(QStringLiteral("script")) == 1);
        for (const SceneImage &image : loaded->sceneImages)
            QVERIFY(image.isPendingGeneration());

        run = cli(
            {QStringLiteral("continue"), project, QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--json")},
            env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(lastJson(run.out).value("stop", std::string()), std::string("pictures-review"));
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 1);
        QCOMPARE(m_images->picturesServed(), scenes);
        loaded = ProjectStore::load(project);
        QVERIFY(loaded);
        QVERIFY(!loaded->imageStyle.isEmpty());
        for (const SceneImage &image : loaded->sceneImages) {
            QCOMPARE(image.source, SceneImage::Source::Generated);
            QVERIFY(!image.file.isEmpty());
            QVERIFY(!image.prompt.isEmpty());
            QVERIFY(QFileInfo(QDir(project).filePath(image.file)).isFile());
        }
        QVERIFY(QDir(project + QStringLiteral("/renders")).entryList({QStringLiteral("*.mp4")}).isEmpty());
        // Every later picture carried the first one as its reference (one look throughout).
        const QList<ImageApiDouble::Recorded> pictures = m_images->requests();
        int withReference = 0;
        for (const ImageApiDouble::Recorded &r : pictures)
            if (r.picture
                && QString::fromUtf8(r.body).count(QStringLiteral("inline_data"))
                           + QString::fromUtf8(r.body).count(QStringLiteral("inlineData"))
                       > 0)
                ++withReference;
        QCOMPARE(withReference, scenes - 1);

        const QString output = m_dir->filePath(QStringLiteral("feeder.mp4"));
        run = cli({QStringLiteral("continue"), project, QStringLiteral("--yes"), QStringLiteral("--draft"), QStringLiteral("-o"),
                   output, QStringLiteral("--json")},
                  env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(lastJson(run.out).value("stop", std::string()), std::string("finished"));
        QVERIFY(QFileInfo(output).size() > 10000);
        // Nothing was asked twice.
        QCOMPARE(inferences(QStringLiteral("script_generator")), 1);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 1);
        QCOMPARE(m_images->pictureRequests(), scenes);

        // The ledger has every paid call once: the script, the prompts and each picture.
        const auto ledger = Ledger::load(project);
        QVERIFY(ledger);
        const Ledger::Totals totals = ledger->totals();
        QCOMPARE(totals.calls, 2 + scenes);
        QCOMPARE(totals.pictures, scenes);
        QVERIFY(totals.costUsd > 0.0);
    }

    /// SIGKILL while pictures are being drawn: the next run pays for no finished call again.
    void killedDuringPicturesRepeatsNoFinishedPaidCall()
    {
        m_images = std::make_unique<GeminiImageDouble>();
        QVERIFY(m_images->listen());
        const QString project = m_dir->filePath(QStringLiteral("killed"));
        const QProcessEnvironment env = environment(QStringLiteral("gemini"));
        Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("gemini"),
                       QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--project"), project},
                      env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        // Three pictures arrive at once; every later one hangs until the process is killed.
        ImageApiDouble::Fault slow;
        slow.kind = ImageApiDouble::Fault::Kind::Latency;
        slow.latencyMs = 10 * 60 * 1000;
        ImageApiDouble::Fault none = slow;
        none.latencyMs = 0;
        m_images->injectFault(none, 3);
        m_images->injectFault(slow, 20);
        auto p = start({QStringLiteral("continue"), project, QStringLiteral("--review"), QStringLiteral("--yes")}, env);
        QVERIFY(p->waitForStarted());
        // Requests are recorded when answered: received() counts the ones still hanging too.
        QVERIFY2(QTest::qWaitFor([&] { return receipts(project) >= 3 && m_images->received() >= 4; }, kHungJobMs),
                 qPrintable(QStringLiteral("receipts %1, requests %2").arg(receipts(project)).arg(m_images->received())));
        p->kill(); // SIGKILL
        QVERIFY(p->waitForFinished());
        QCOMPARE(m_images->picturesServed(), 3);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 1);

        // The resumed run talks to a fresh double on another port: requests the killed process had
        // already sent may still be read by the first one (under load), and must not be counted.
        // The spec keys do not contain the address, so every finished picture is still known.
        GeminiImageDouble resumed;
        QVERIFY(resumed.listen());
        QProcessEnvironment resumedEnv = env;
        resumedEnv.insert(QStringLiteral("DIY_GEMINI_URL"), resumed.url().toString());
        m_gateway->clearRecords();
        run = cli(
            {QStringLiteral("continue"), project, QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--json")},
            resumedEnv);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        auto loaded = ProjectStore::load(project);
        QVERIFY(loaded);
        const int scenes = int(loaded->scenes().size());
        // Not the script, not the prompts, not any of the three finished pictures: the resumed run
        // asks only for the others, and the first double never delivered more than those three.
        QCOMPARE(inferences(QStringLiteral("script_generator")), 0);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 0);
        QCOMPARE(resumed.received(), scenes - 3);
        QCOMPARE(resumed.picturesServed(), scenes - 3);
        QCOMPARE(m_images->picturesServed(), 3);
        for (const SceneImage &image : loaded->sceneImages)
            QVERIFY(!image.file.isEmpty());
        // Each picture is in the ledger once, whichever run received it.
        const auto ledger = Ledger::load(project);
        QVERIFY(ledger);
        QCOMPARE(ledger->totals().pictures, scenes);
    }

    /// A safety block on one scene is named with the ways out; every other picture still arrives,
    /// and the next run asks only for the refused one.
    void blockedPictureIsNamedAndTheOthersArrive()
    {
        m_images = std::make_unique<GeminiImageDouble>();
        QVERIFY(m_images->listen());
        const QString project = m_dir->filePath(QStringLiteral("blocked"));
        const QProcessEnvironment env = environment(QStringLiteral("gemini"));
        Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("gemini"),
                       QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--project"), project},
                      env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        ImageApiDouble::Fault none;
        none.kind = ImageApiDouble::Fault::Kind::Latency;
        ImageApiDouble::Fault blocked;
        blocked.kind = ImageApiDouble::Fault::Kind::Blocked;
        blocked.reason = QStringLiteral("IMAGE_SAFETY");
        m_images->injectFault(none, 1);    // the first scene (the reference)
        m_images->injectFault(blocked, 1); // one of the next ones
        run = cli({QStringLiteral("continue"), project, QStringLiteral("--review"), QStringLiteral("--yes")}, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("IMAGE_SAFETY")) && run.err.contains(QStringLiteral("Edit the prompt")),
                 qPrintable(run.err));
        auto loaded = ProjectStore::load(project);
        QVERIFY(loaded);
        const int scenes = int(loaded->scenes().size());
        QCOMPARE(m_images->picturesServed(), scenes - 1);
        int drawn = 0;
        for (const SceneImage &image : loaded->sceneImages)
            drawn += image.file.isEmpty() ? 0 : 1;
        QCOMPARE(drawn, scenes - 1);

        const int before = m_images->received();
        run = cli({QStringLiteral("continue"), project, QStringLiteral("--review"), QStringLiteral("--yes")}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(m_images->received() - before, 1);
        QCOMPARE(m_images->picturesServed(), scenes);
    }

    /// The OpenAI-compatible images API draws the pictures just as well.
    void openAiCompatibleImages()
    {
        m_images = std::make_unique<OpenAiImageDouble>();
        QVERIFY(m_images->listen());
        const QString project = m_dir->filePath(QStringLiteral("openai"));
        const QProcessEnvironment env = environment(QStringLiteral("openai"));
        Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("openai"),
                       QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--project"), project,
                       QStringLiteral("--format"), QStringLiteral("16:9")},
                      env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = cli(
            {QStringLiteral("continue"), project, QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--json")},
            env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        auto loaded = ProjectStore::load(project);
        QVERIFY(loaded);
        QCOMPARE(m_images->picturesServed(), int(loaded->scenes().size()));
        for (const SceneImage &image : loaded->sceneImages) {
            QCOMPARE(image.provider, QStringLiteral("openai"));
            QImage picture(QDir(project).filePath(image.file));
            QVERIFY(!picture.isNull());
            QVERIFY2(picture.width() > picture.height(), "16:9 asks for a landscape size");
        }
    }

    /// Without the image key nothing is paid: the message names the variable.
    void missingImageKeyStopsBeforeAnythingIsPaid()
    {
        m_images = std::make_unique<GeminiImageDouble>();
        QVERIFY(m_images->listen());
        QProcessEnvironment env = environment(QStringLiteral("gemini"));
        env.remove(QStringLiteral("GEMINI_API_KEY"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")); // no keychain either
        const Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("gemini"),
                             QStringLiteral("--yes"), QStringLiteral("--project"), m_dir->filePath(QStringLiteral("nokey"))},
                            env);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(run.err));
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).isEmpty());
        QCOMPARE(m_images->pictureRequests(), 0);
    }

    /// Without a gateway: exit 6 and a message saying what to start; the project stays.
    void unreachableGatewayIsExitSix()
    {
        QProcessEnvironment env = environment(QStringLiteral("cards"));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        env.insert(QStringLiteral("DIY_TENSORZERO_URL"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        const QString project = m_dir->filePath(QStringLiteral("nogateway"));
        const Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--yes"), QStringLiteral("--project"), project}, env);
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(QStringLiteral("continue")), qPrintable(run.err));
        QVERIFY(QFileInfo::exists(project + QStringLiteral("/project.json")));
    }

    /// `render` of a project whose AI pictures are still owed: paid, so only with --yes; an image
    /// server that cannot be reached is exit 6 (and the script already paid for is kept).
    void renderThatNeedsAnUnreachableImageServerIsExitSix()
    {
        m_images = std::make_unique<GeminiImageDouble>();
        QVERIFY(m_images->listen());
        const QString project = m_dir->filePath(QStringLiteral("render6"));
        QProcessEnvironment env = environment(QStringLiteral("gemini"));
        Run run = cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("gemini"),
                       QStringLiteral("--review"), QStringLiteral("--yes"), QStringLiteral("--project"), project},
                      env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        run = cli({QStringLiteral("render"), project}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--yes")), qPrintable(run.err));
        QCOMPARE(m_images->pictureRequests(), 0);

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        env.insert(QStringLiteral("DIY_GEMINI_URL"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        run = cli({QStringLiteral("render"), project, QStringLiteral("--yes")}, env);
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(QStringLiteral("AI pictures")), qPrintable(run.err));
        auto loaded = ProjectStore::load(project);
        QVERIFY(loaded && loaded->script.has_value());
    }

    /// Paid work without a terminal needs --yes; nothing is created or sent without it.
    void noYesWithoutTerminalSpendsNothing()
    {
        const QString project = m_dir->filePath(QStringLiteral("noyes"));
        const Run run =
            cli({QStringLiteral("make"), kBrief, QStringLiteral("--project"), project}, environment(QStringLiteral("cards")));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("--yes")), qPrintable(run.err));
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).isEmpty());
        QVERIFY(!QFileInfo::exists(project));
    }

    /// A bad brief is refused with the field named, before anything else happens.
    void badBriefIsNamed()
    {
        const Run run = cli({QStringLiteral("make"), QStringLiteral("ab"), QStringLiteral("--yes"), QStringLiteral("--project"),
                             m_dir->filePath(QStringLiteral("bad"))},
                            environment(QStringLiteral("cards")));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("/description")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("bad"))));
        QCOMPARE(cli({QStringLiteral("make"), kBrief, QStringLiteral("--images"), QStringLiteral("dalle")},
                     environment(QStringLiteral("cards")))
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliMake)
#include "tst_cli_make.moc"
