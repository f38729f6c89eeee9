// The AI picture providers' settings pages: where the key comes from, storing it in the keychain
// (here: no keyring runs, so the page must say so in place), and the Test button against the
// strict Gemini and OpenAI doubles. Driven by object name through the real settings dialog.
#include "StudioFixture.h"
#include "common/InlineMessage.h"
#include "images/GeminiImageDouble.h"
#include "images/OpenAiImageDouble.h"
#include "providers/ApiKeyStore.h"
#include "providers/GeminiImageGenerator.h"
#include "providers/OpenAiImageGenerator.h"
#include "settings/ProviderKeyPage.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QtTest>

using namespace diy;
using namespace diy::test;

class TestUiProviderSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        initStudioTests();
        qunsetenv("GEMINI_API_KEY");
        qunsetenv("OPENAI_API_KEY");
    }

    void pagesInTheSettingsDialog()
    {
        QVERIFY2(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"), "CTest points the session bus at nothing");
        GeminiImageDouble gemini;
        OpenAiImageDouble openai;
        QVERIFY(gemini.listen() && openai.listen());
        QNetworkAccessManager network;
        ApiKeyStore keys(QStringLiteral("diy-studio-ui-test"));
        GeminiImageGenerator::Options go;
        go.baseUrl = gemini.url();
        GeminiImageGenerator geminiGenerator(&network, &keys, go);
        OpenAiImageGenerator::Options oo;
        oo.baseUrl = openai.url();
        OpenAiImageGenerator openaiGenerator(&network, &keys, oo);

        StudioFixture studio;
        studio.window()->setImageProviders(&keys, {&geminiGenerator, &openaiGenerator});
        studio.window()->show();
        studio.find<QAction>(QStringLiteral("settingsAction"))->trigger();
        auto *dialog = studio.find<ui::SettingsDialog>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->tabText(1), QStringLiteral("Google Gemini"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("OpenAI-compatible images"));

        // Gemini page: no key anywhere and no keyring → said in place.
        tabs->setCurrentIndex(1);
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("geminiKeyStatus"));
        QVERIFY(status);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("GEMINI_API_KEY")), 20'000);
        QVERIFY2(status->text().contains(QStringLiteral("keyring")), qPrintable(status->text()));

        // Test with a typed wrong key, then the right one: one free call each, result in place.
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("geminiKeyEdit"));
        auto *test = dialog->findChild<QPushButton *>(QStringLiteral("geminiTestButton"));
        auto *result = dialog->findChild<ui::InlineMessage *>(QStringLiteral("geminiTestResult"));
        QVERIFY(edit && test && result);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTRY_VERIFY(test->isEnabled());
        edit->setText(QStringLiteral("wrong-key"));
        test->click();
        QTRY_COMPARE_WITH_TIMEOUT(result->level(), ui::InlineMessage::Level::Error, 20'000);
        QVERIFY2(result->text().contains(QStringLiteral("did not accept the API key")), qPrintable(result->text()));
        QTRY_VERIFY(test->isEnabled());
        edit->setText(QStringLiteral("test-key"));
        test->click();
        QTRY_COMPARE_WITH_TIMEOUT(result->level(), ui::InlineMessage::Level::Success, 20'000);
        QVERIFY2(result->text().contains(QStringLiteral("The key works")), qPrintable(result->text()));
        QCOMPARE(gemini.picturesServed(), 0);
        QCOMPARE(gemini.requests().size(), 2);
        QCOMPARE(gemini.requests().last().headers.value("x-goog-api-key"), QByteArray("test-key"));

        // Saving needs the keychain: without a keyring the page says what to do instead.
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("geminiSaveKeyButton"));
        QTRY_VERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE_WITH_TIMEOUT(result->level(), ui::InlineMessage::Level::Error, 20'000);
        QVERIFY2(result->text().contains(QStringLiteral("keyring")), qPrintable(result->text()));
        QCOMPARE(edit->text(), QStringLiteral("test-key")); // nothing typed is lost

        // OpenAI page: a key from the environment is shown as such, and Test uses it.
        qputenv("OPENAI_API_KEY", "test-key");
        tabs->setCurrentIndex(2);
        auto *openaiStatus = dialog->findChild<QLabel *>(QStringLiteral("openaiKeyStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(openaiStatus->text().contains(QStringLiteral("environment")), 20'000);
        auto *openaiTest = dialog->findChild<QPushButton *>(QStringLiteral("openaiTestButton"));
        auto *openaiResult = dialog->findChild<ui::InlineMessage *>(QStringLiteral("openaiTestResult"));
        QTRY_VERIFY(openaiTest->isEnabled());
        openaiTest->click();
        QTRY_COMPARE_WITH_TIMEOUT(openaiResult->level(), ui::InlineMessage::Level::Success, 20'000);
        QCOMPARE(openai.requests().last().path, QStringLiteral("/v1/models"));
        qunsetenv("OPENAI_API_KEY");

        // The settings file never holds a key.
        dialog->findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!dialog->isVisible());
        QFile ini(QDir(studio.root()).filePath(QStringLiteral("settings.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("gateway")); // the dialog did save its settings
        QVERIFY(!text.contains("test-key"));
        QVERIFY(!text.contains("wrong-key"));
    }
};

QTEST_MAIN(TestUiProviderSettings)
#include "tst_ui_provider_settings.moc"
