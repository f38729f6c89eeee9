// Measures the longest GUI-thread stall while the studio renders a small project from the UI.
// Prints the stall, the ratio against the 50 ms goal, and exits 0 (a benchmark reports; it does not gate).
#include "StudioFixture.h"
#include "progress/RenderController.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    diy::test::StudioFixture fixture;
    fixture.openTinyProject(3);
    fixture.window()->showPage(diy::ui::MainWindow::RenderPageIndex);

    QElapsedTimer clock;
    qint64 last = 0, longest = 0, beats = 0, longestAt = 0, finishedAt = -1;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        if (now - last > longest) {
            longest = now - last;
            longestAt = last;
        }
        last = now;
        ++beats;
    });

    auto *controller = fixture.window()->renderController();
    bool ok = false;
    QObject::connect(controller, &diy::ui::RenderController::finished, &app, [&](const diy::Result<diy::RenderSummary> &r) {
        ok = r.ok();
        finishedAt = clock.elapsed();
        if (!r.ok())
            std::fprintf(stderr, "render failed: %s\n", qPrintable(r.error().toString()));
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    // Let the window settle (first paint, fonts, icons) before measuring, then start from the button.
    QTimer::singleShot(1000, &app, [&] {
        clock.start();
        heartbeat.start();
        QTimer::singleShot(100, &app, [&] { fixture.find<QPushButton>(QStringLiteral("startRenderButton"))->click(); });
    });
    app.exec();
    const double goal = 50.0;
    std::printf("gui_stall: render %s in %.1f s, %lld heartbeats, longest GUI-thread stall %lld ms, "
                "ratio to the %.0f ms goal %.2f (%s)\n",
                ok ? "done" : "FAILED", clock.elapsed() / 1000.0, beats, longest, goal, longest / goal,
                longest < goal ? "within goal" : "over goal");
    std::printf("gui_stall: the longest stall began at %.2f s; the render finished at %.2f s\n", longestAt / 1000.0,
                finishedAt / 1000.0);
    return ok ? 0 : 1;
}
