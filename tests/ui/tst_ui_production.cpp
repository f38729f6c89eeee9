// The studio's AI production, driven through the real window by object name against the strict
// in-process doubles (TensorZero gateway, Gemini images, both on 127.0.0.1): brief → estimate →
// AI script → review with an edit (undo works) → approve → prompts and pictures → one picture
// drawn again from an edited prompt → render. Counted at the doubles: nothing is paid before the
// creator goes ahead and no paid call is repeated. And the ways out when the gateway or the key
// is missing.
#include "StudioFixture.h"
#include "TzTestSupport.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "images/GeminiImageDouble.h"
#include "images/ImagesPage.h"
#include "model/Ledger.h"
#include "production/EstimateDialog.h"
#include "production/ProductionController.h"
#include "progress/RenderController.h"
#include "progress/StageRailModel.h"
#include "providers/ApiKeyStore.h"
#include "tensorzero/GatewayDouble.h"
#include "tensorzero/TensorZeroClient.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTcpServer>
#include <QtTest>

using namespace diy;
using namespace diy::ui;
using namespace diy::test;

namespace {

int countGenerated(const Project &p, bool drawn)
{
    return int(std::count_if(p.sceneImages.begin(), p.sceneImages.end(), [drawn](const SceneImage &i) {
        return i.source == SceneImage::Source::Generated && i.file.isEmpty() != drawn;
    }));
}

/// With DIY_SCREENSHOT_DIR set (run under Xvfb with -platform xcb), saves what the creator sees at
/// each step there, to look at; nothing is asserted on it.
void snap(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("DIY_SCREENSHOT_DIR");
    if (dir.isEmpty() || !window)
        return;
    QTest::qWait(300); // let the thumbnails arrive: only for the picture, never for a check
    QDir().mkpath(dir);
    window->screen()->grabWindow(window->winId()).save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestUiProduction : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<GeminiImageDouble> m_images;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;
    std::unique_ptr<ApiKeyStore> m_keys;

    int inferences(const QString &function) const
    {
        int n = 0;
        for (const GatewayDouble::Recorded &r : m_gateway->requests(QStringLiteral("/inference")))
            if (r.json.is_object() && r.json.value("function_name", std::string()) == function.toStdString())
                ++n;
        return n;
    }
    void connectServices(StudioFixture &f, const QUrl &gateway)
    {
        TensorZeroClient::Options options;
        options.baseUrl = gateway;
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), options);
        f.window()->production()->setServices(m_client.get(), m_keys.get());
    }
    /// Opens the New Project dialog, fills the brief and picks the picture source.
    QDialog *fillNewProject(StudioFixture &f, const QString &pictures)
    {
        f.window()->findChild<QAction *>(QStringLiteral("newAction"))->trigger();
        auto *dialog = f.find<QDialog>(QStringLiteral("newProjectDialog"));
        if (!dialog || !QTest::qWaitFor([&] { return dialog->isVisible(); }))
            return nullptr;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newProjectBriefEdit")),
                         QStringLiteral("how to make a bird feeder from a milk carton"));
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("newProjectPicturesCombo"));
        combo->setCurrentIndex(combo->findData(pictures));
        return dialog;
    }
    static EstimateDialog *waitForEstimate(StudioFixture &f)
    {
        EstimateDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            dialog = f.find<EstimateDialog>(QStringLiteral("estimateDialog"));
            return dialog && dialog->isVisible();
        });
        return shown ? dialog : nullptr;
    }
    static bool waitIdle(StudioFixture &f)
    {
        return QTest::qWaitFor([&] { return !f.window()->production()->isRunning(); }, kHungJobMs);
    }
    static int railState(StudioFixture &f, StageRailModel::Stage stage)
    {
        auto *rail = f.find<QListView>(QStringLiteral("stageRail"));
        return rail->model()->index(stage, 0).data(StageRailModel::StateRole).toInt();
    }

private slots:
    void init()
    {
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY(m_gateway->listen());
        m_images = std::make_unique<GeminiImageDouble>();
        QVERIFY(m_images->listen());
        qputenv("DIY_GEMINI_URL", m_images->url().toString().toUtf8());
        qputenv("GEMINI_API_KEY", m_images->apiKey().toUtf8());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_keys = std::make_unique<ApiKeyStore>();
    }
    void cleanup()
    {
        m_client.reset();
        m_keys.reset();
        m_network.reset();
        m_images.reset();
        m_gateway.reset();
        qunsetenv("DIY_GEMINI_URL");
        qunsetenv("GEMINI_API_KEY");
    }

    void briefToAiScriptToPicturesToRender()
    {
        StudioFixture f;
        connectServices(f, m_gateway->url());
        ProjectDocument *doc = f.window()->document();

        // New project: the brief, Gemini pictures, "Write the script" → the estimate, nothing paid yet.
        QDialog *newDialog = fillNewProject(f, QStringLiteral("gemini"));
        QVERIFY(newDialog);
        snap(newDialog, QStringLiteral("ai-1-new-project"));
        newDialog->findChild<QPushButton *>(QStringLiteral("newProjectWriteScriptButton"))->click();
        QVERIFY(doc->isOpen());
        QCOMPARE(doc->project().imageProvider, QStringLiteral("gemini"));
        EstimateDialog *estimate = waitForEstimate(f);
        QVERIFY(estimate);
        QVERIFY(estimate->findChild<QLabel *>(QStringLiteral("estimateTotalLabel"))->text().startsWith(QLatin1Char('$')));
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).isEmpty());
        snap(estimate, QStringLiteral("ai-2-estimate-script"));
        snap(f.window(), QStringLiteral("ai-2b-window-with-estimate"));

        // Cancel pays nothing; a shorter video first (3 steps), then "Write the script" from the bar.
        estimate->findChild<QPushButton *>(QStringLiteral("estimateCancelButton"))->click();
        QTRY_VERIFY(!f.find<EstimateDialog>(QStringLiteral("estimateDialog")));
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).isEmpty());
        QVERIFY(!doc->project().script);
        f.window()->showPage(MainWindow::BriefPageIndex);
        f.find<QSpinBox>(QStringLiteral("briefStepsSpin"))->setValue(3);
        QCOMPARE(doc->project().brief.expectedSteps, 3);
        auto *write = f.find<QPushButton>(QStringLiteral("writeScriptButton"));
        QVERIFY(write && write->isVisible());
        write->click();
        estimate = waitForEstimate(f);
        QVERIFY(estimate);
        estimate->goAheadButton()->click();
        QVERIFY(f.window()->production()->isRunning());
        QVERIFY(waitIdle(f));

        // The AI script is open for review: nothing past it is paid.
        QVERIFY(doc->project().script.has_value());
        QCOMPARE(int(doc->project().script->steps.size()), 3);
        QCOMPARE(f.window()->currentPage(), MainWindow::ScriptPageIndex);
        QCOMPARE(inferences(QStringLiteral("script_generator")), 1);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 0);
        QCOMPARE(m_images->pictureRequests(), 0);
        QCOMPARE(railState(f, StageRailModel::Script), int(StageState::NeedsReview));
        const int scenes = int(doc->project().sceneImages.size());
        QCOMPARE(scenes, 6);
        QCOMPARE(countGenerated(doc->project(), false), scenes); // all owed, none drawn
        QVERIFY(doc->project().scriptOrigin.has_value());
        QVERIFY(!doc->isModified()); // the paid script is saved at once
        snap(f.window(), QStringLiteral("ai-3-script-review"));
        QCOMPARE(Ledger::load(doc->folder()).value().totals().calls, 1);

        // An edit, undone and redone; the AI script itself is not undoable away.
        auto *title = f.find<QLineEdit>(QStringLiteral("scriptTitleEdit"));
        const QString aiTitle = doc->project().script->title;
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Milk carton feeder"));
        QCOMPARE(doc->project().script->title, QStringLiteral("Milk carton feeder"));
        doc->undoStack()->undo();
        QCOMPARE(doc->project().script->title, aiTitle);
        QCOMPARE(title->text(), aiTitle);
        doc->undoStack()->redo();
        QCOMPARE(doc->project().script->title, QStringLiteral("Milk carton feeder"));
        while (doc->undoStack()->canUndo())
            doc->undoStack()->undo();
        QVERIFY(doc->project().script.has_value());

        // Approve: the estimate prices the six pictures; prompts and pictures are drawn, then review.
        auto *approve = f.find<QPushButton>(QStringLiteral("approveScriptButton"));
        QVERIFY(approve && approve->isVisible());
        approve->click();
        estimate = waitForEstimate(f);
        QVERIFY(estimate);
        snap(estimate, QStringLiteral("ai-4-estimate-pictures"));
        m_images->injectFault({ImageApiDouble::Fault::Kind::Latency, 1500, {}, {}}, 2);
        estimate->goAheadButton()->click();
        QTRY_VERIFY(f.window()->production()->state(ProductionController::PicturesStep) == StageState::Running);
        snap(f.window(), QStringLiteral("ai-5-drawing"));
        QVERIFY(waitIdle(f));
        QVERIFY2(!f.window()->production()->lastError(),
                 qPrintable(f.window()->production()->lastError().value_or(Error{}).toString()));
        QCOMPARE(inferences(QStringLiteral("script_generator")), 1);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 1);
        QCOMPARE(m_images->picturesServed(), scenes);
        QCOMPARE(countGenerated(doc->project(), true), scenes);
        QVERIFY(doc->project().promptsOrigin.has_value());
        for (const SceneImage &image : doc->project().sceneImages) {
            QVERIFY(!image.prompt.isEmpty());
            QCOMPARE(image.provider, QStringLiteral("gemini"));
            QVERIFY(QFileInfo::exists(QDir(doc->folder()).filePath(image.file)));
        }
        QCOMPARE(f.window()->currentPage(), MainWindow::ImagesPageIndex);
        QCOMPARE(railState(f, StageRailModel::Prompts), int(StageState::Done));
        QCOMPARE(railState(f, StageRailModel::Images), int(StageState::NeedsReview));
        QCOMPARE(Ledger::load(doc->folder()).value().totals().calls, 2 + scenes);
        snap(f.window(), QStringLiteral("ai-6-pictures-review"));

        // One picture again from an edited prompt: one more picture, nothing else.
        auto *images = f.find<ImagesPage>(QStringLiteral("imagesPage"));
        images->selectRow(2);
        const QString before = doc->project().sceneImages.at(2).file;
        auto *prompt = f.find<QPlainTextEdit>(QStringLiteral("scenePromptEdit"));
        QVERIFY(prompt && prompt->isVisible());
        prompt->moveCursor(QTextCursor::End);
        QTest::keyClicks(prompt, QStringLiteral(" on a sunny windowsill"));
        QVERIFY(doc->project().sceneImages.at(2).prompt.endsWith(QStringLiteral(" on a sunny windowsill")));
        f.find<QPushButton>(QStringLiteral("regenerateAiButton"))->click();
        QVERIFY(doc->project().sceneImages.at(2).isPendingGeneration());
        estimate = waitForEstimate(f);
        QVERIFY(estimate);
        estimate->goAheadButton()->click();
        QVERIFY(waitIdle(f));
        QCOMPARE(m_images->picturesServed(), scenes + 1);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 1);
        const SceneImage redrawn = doc->project().sceneImages.at(2);
        QVERIFY(!redrawn.file.isEmpty() && redrawn.file != before);
        QVERIFY(redrawn.prompt.endsWith(QStringLiteral(" on a sunny windowsill")));

        // Render as today: the drawn pictures are used, none is bought again.
        auto *render = f.find<QPushButton>(QStringLiteral("productionRenderButton"));
        QVERIFY(render && render->isVisible());
        QSignalSpy finished(f.window()->renderController(), &RenderController::finished);
        render->click();
        QVERIFY(finished.wait(240000));
        QVERIFY(doc->project().lastRender.has_value());
        QCOMPARE(f.window()->currentPage(), MainWindow::WatchPageIndex);
        QCOMPARE(m_images->picturesServed(), scenes + 1);
        QCOMPARE(m_images->pictureRequests(), scenes + 1);
        QCOMPARE(inferences(QStringLiteral("script_generator")), 1);
    }

    void aSafetyBlockIsShownOnItsSceneWithTheWaysOut()
    {
        StudioFixture f;
        connectServices(f, m_gateway->url());
        ProjectDocument *doc = f.window()->document();
        QDialog *newDialog = fillNewProject(f, QStringLiteral("gemini"));
        QVERIFY(newDialog);
        newDialog->findChild<QPushButton *>(QStringLiteral("newProjectWriteScriptButton"))->click();
        EstimateDialog *estimate = waitForEstimate(f);
        QVERIFY(estimate);
        estimate->goAheadButton()->click();
        QVERIFY(waitIdle(f));
        QVERIFY(doc->project().script.has_value());
        const int scenes = int(doc->project().sceneImages.size());

        // The first picture (the reference of the others) is refused by the provider's safety filter.
        m_images->injectFault({ImageApiDouble::Fault::Kind::Blocked, 0, {}, QStringLiteral("IMAGE_SAFETY")}, 1);
        f.find<QPushButton>(QStringLiteral("approveScriptButton"))->click();
        estimate = waitForEstimate(f);
        QVERIFY(estimate);
        estimate->goAheadButton()->click();
        QVERIFY(waitIdle(f));
        QVERIFY(f.window()->production()->lastError().has_value());
        QCOMPARE(f.window()->currentPage(), MainWindow::ImagesPageIndex);
        QCOMPARE(railState(f, StageRailModel::Images), int(StageState::Failed));
        const QSet<int> failed = f.window()->production()->failedScenes();
        QVERIFY(!failed.isEmpty());
        const int row = *std::min_element(failed.begin(), failed.end());
        auto *images = f.find<ImagesPage>(QStringLiteral("imagesPage"));
        QCOMPARE(images->currentRow(), row);
        auto *sceneMessage = f.find<InlineMessage>(QStringLiteral("scenePictureMessage"));
        QVERIFY(sceneMessage && sceneMessage->isVisible());
        QVERIFY(sceneMessage->findChild<QPushButton *>(QStringLiteral("sceneEditPromptButton")));
        QVERIFY(sceneMessage->findChild<QPushButton *>(QStringLiteral("sceneUsePhotoButton")));
        snap(f.window(), QStringLiteral("ai-8-safety-block"));
        // Nothing made is lost: the script and the prompts stay; pictures that arrived are kept.
        QVERIFY(doc->project().script.has_value() && doc->project().promptsOrigin.has_value());

        // A card for that scene, then the rest is drawn; the refused picture is not retried.
        sceneMessage->findChild<QPushButton *>(QStringLiteral("sceneUseCardButton"))->click();
        QCOMPARE(doc->project().sceneImages.at(row).source, SceneImage::Source::Card);
        const int served = m_images->picturesServed();
        auto *draw = f.find<QPushButton>(QStringLiteral("approveScriptButton"));
        QVERIFY(draw && draw->isVisible());
        draw->click();
        estimate = waitForEstimate(f);
        QVERIFY(estimate);
        estimate->goAheadButton()->click();
        QVERIFY(waitIdle(f));
        QVERIFY(!f.window()->production()->lastError());
        QCOMPARE(countGenerated(doc->project(), true), scenes - 1);
        QCOMPARE(m_images->picturesServed(), scenes - 1);
        QVERIFY(m_images->picturesServed() >= served);
        QCOMPARE(inferences(QStringLiteral("prompt_enhancer")), 1);
    }

    void withoutAGatewaySaysWhatToConnect()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        StudioFixture f;
        connectServices(f, nowhere);
        QDialog *newDialog = fillNewProject(f, QStringLiteral("cards"));
        QVERIFY(newDialog);
        newDialog->findChild<QPushButton *>(QStringLiteral("newProjectWriteScriptButton"))->click();
        EstimateDialog *estimate = waitForEstimate(f);
        QVERIFY(estimate);
        estimate->goAheadButton()->click();
        QVERIFY(waitIdle(f));
        auto *message = f.find<InlineMessage>(QStringLiteral("productionMessage"));
        QVERIFY(message);
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("DIY_TENSORZERO_URL"))
                     && message->text().contains(QStringLiteral("tensorzero.toml")),
                 qPrintable(message->text()));
        QVERIFY(message->findChild<QPushButton *>(QStringLiteral("productionWriteYourselfButton")));
        QVERIFY(message->findChild<QPushButton *>(QStringLiteral("productionSettingsButton")));
        snap(f.window(), QStringLiteral("ai-7-no-gateway"));
        QCOMPARE(railState(f, StageRailModel::Script), int(StageState::Failed));
        // The project is kept; writing it yourself opens the script page.
        QVERIFY(f.window()->document()->isOpen());
        message->findChild<QPushButton *>(QStringLiteral("productionWriteYourselfButton"))->click();
        QCOMPARE(f.window()->currentPage(), MainWindow::ScriptPageIndex);
    }

    void withoutAKeyNothingIsPaid()
    {
        qunsetenv("GEMINI_API_KEY");
        StudioFixture f;
        connectServices(f, m_gateway->url());
        QDialog *newDialog = fillNewProject(f, QStringLiteral("gemini"));
        QVERIFY(newDialog);
        newDialog->findChild<QPushButton *>(QStringLiteral("newProjectWriteScriptButton"))->click();
        auto *message = f.find<InlineMessage>(QStringLiteral("productionMessage"));
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(message->text()));
        QVERIFY(!f.find<EstimateDialog>(QStringLiteral("estimateDialog")));
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).isEmpty());
        // Cards instead: the way out works without a key.
        auto *cards = message->findChild<QPushButton *>(QStringLiteral("productionUseCardsButton"));
        QVERIFY(cards);
        cards->click();
        QCOMPARE(f.window()->document()->project().imageProvider, QStringLiteral("cards"));
    }
};

QTEST_MAIN(TestUiProduction)

#include "tst_ui_production.moc"
