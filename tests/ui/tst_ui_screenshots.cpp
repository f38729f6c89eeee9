// Saves one PNG per page (and the settings dialog) into <build>/screenshots at 1280x800 and
// 1600x1000, grabbed from the screen with QScreen::grabWindow. Run under Xvfb (see CMakeLists).
#include "StudioFixture.h"
#include "brief/VoicePicker.h"
#include "common/ProjectDocument.h"
#include "common/Theme.h"
#include "progress/RenderController.h"
#include "settings/SettingsDialog.h"
#include "settings/StudioSettings.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QHash>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

class TestUiScreenshots : public QObject {
    Q_OBJECT
private:
    static QString outDir()
    {
        const QString dir = QStringLiteral(DIY_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        return dir;
    }
    /// Empty when the grab shows a real page; otherwise why it looks blank (a grab of an unexposed
    /// or wrong window is one flat colour, or nearly so).
    static QString blankness(const QImage &image)
    {
        if (image.isNull() || image.width() < 100 || image.height() < 100)
            return QStringLiteral("no image (%1x%2)").arg(image.width()).arg(image.height());
        QHash<QRgb, qint64> counts;
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < rgb.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < rgb.width(); ++x)
                ++counts[line[x]];
        }
        qint64 top = 0;
        for (qint64 c : std::as_const(counts))
            top = std::max(top, c);
        const double share = double(top) / double(qint64(rgb.width()) * rgb.height());
        // A real page has text and icons (hundreds of colours) however plain its background (the
        // welcome page is ~92% one grey); a failed grab is one colour, or nearly.
        if (counts.size() < 32 || share > 0.98)
            return QStringLiteral("%1 distinct colours, the commonest covers %2% of the picture")
                .arg(counts.size())
                .arg(int(share * 100));
        return {};
    }
    static void shoot(QWidget *w, const QString &name)
    {
        // Wait for a grab that shows the page (painting and thumbnails happen asynchronously).
        QPixmap shot;
        const bool shown = QTest::qWaitFor(
            [&] {
                shot = w->screen()->grabWindow(w->winId());
                return blankness(shot.toImage()).isEmpty();
            },
            60000);
        QVERIFY2(shown, qPrintable(name + QStringLiteral(": ") + blankness(shot.toImage())));
        const QString path = outDir() + QLatin1Char('/') + name + QStringLiteral(".png");
        QVERIFY2(shot.save(path), qPrintable(path));
        qInfo("screenshot %s (%dx%d)", qPrintable(path), shot.width(), shot.height());
    }

private slots:
    void blankGrabsAreRejected()
    {
        QImage black(1280, 800, QImage::Format_RGB32);
        black.fill(Qt::black);
        QVERIFY(!blankness(black).isEmpty());
        QImage almost = black;
        for (int i = 0; i < 40; ++i)
            almost.setPixel(i, 0, qRgb(i, i, i)); // a few stray pixels do not make a page
        QVERIFY(!blankness(almost).isEmpty());
        QVERIFY(!blankness(QImage()).isEmpty());
    }

    void pages_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }

    void pages()
    {
        QFETCH(QSize, size);
        test::StudioFixture f;
        MainWindow *w = f.window();
        w->setWindowState(Qt::WindowNoState);
        w->resize(size);
        w->move(0, 0);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString suffix = QStringLiteral("-%1x%2").arg(size.width()).arg(size.height());
        shoot(w, QStringLiteral("00-welcome") + suffix);
        f.openExampleCopy();
        const struct {
            MainWindow::Page page;
            const char *name;
        } pages[] = {{MainWindow::BriefPageIndex, "01-brief"},
                     {MainWindow::ScriptPageIndex, "02-script"},
                     {MainWindow::ImagesPageIndex, "03-images"},
                     {MainWindow::RenderPageIndex, "04-render"},
                     {MainWindow::WatchPageIndex, "05-watch"}};
        for (const auto &p : pages) {
            w->showPage(p.page);
            shoot(w, QString::fromLatin1(p.name) + suffix);
        }
        w->findChild<QDockWidget *>(QStringLiteral("logDock"))->show();
        w->showPage(MainWindow::ScriptPageIndex);
        shoot(w, QStringLiteral("06-log") + suffix);
        w->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
        auto *dialog = w->findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        shoot(dialog, QStringLiteral("07-settings") + suffix);
        dialog->reject();
    }

    void studioPolish()
    {
        // The pages issue 11 changed, in the states a creator meets them: a blank script that
        // cannot render yet, the new-project dialog, the voice list, a finished render with its
        // technical checks and the video's file actions.
        test::StudioFixture f;
        MainWindow *w = f.window();
        w->setWindowState(Qt::WindowNoState);
        w->resize(QSize(1280, 800));
        w->move(0, 0);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->newProject();
        auto *newDialog = w->findChild<QDialog *>(QStringLiteral("newProjectDialog"));
        QVERIFY(newDialog);
        QVERIFY(QTest::qWaitForWindowExposed(newDialog));
        QTest::keyClicks(newDialog->findChild<QLineEdit *>(QStringLiteral("newProjectBriefEdit")),
                         QStringLiteral("how to make a bird feeder from a milk carton"));
        shoot(newDialog, QStringLiteral("10-new-project"));
        newDialog->findChild<QPushButton *>(QStringLiteral("newProjectCreateButton"))->click();
        auto *picker = w->findChild<VoicePicker *>(QStringLiteral("briefVoicePicker"));
        QTRY_VERIFY_WITH_TIMEOUT(picker->isLoaded(), 30000);
        shoot(w, QStringLiteral("11-brief-voice"));
        w->showPage(MainWindow::ScriptPageIndex);
        w->findChild<QPushButton *>(QStringLiteral("blankScriptButton"))->click();
        shoot(w, QStringLiteral("12-script-blank"));
        w->showPage(MainWindow::RenderPageIndex);
        shoot(w, QStringLiteral("13-render-blocked"));

        f.openTinyProject(3);
        w->showPage(MainWindow::RenderPageIndex);
        QSignalSpy finished(w->renderController(), &RenderController::finished);
        w->findChild<QPushButton *>(QStringLiteral("startRenderButton"))->click();
        QVERIFY(finished.wait(300000));
        w->showPage(MainWindow::RenderPageIndex);
        shoot(w, QStringLiteral("14-render-done"));
        w->showPage(MainWindow::WatchPageIndex);
        shoot(w, QStringLiteral("15-watch"));
        w->showPage(MainWindow::ImagesPageIndex);
        shoot(w, QStringLiteral("16-images"));
        Theme::apply(StudioSettings::Theme::Dark);
        w->showPage(MainWindow::RenderPageIndex);
        shoot(w, QStringLiteral("17-render-dark"));
        Theme::apply(StudioSettings::Theme::Light);
    }
};

QTEST_MAIN(TestUiScreenshots)
#include "tst_ui_screenshots.moc"
