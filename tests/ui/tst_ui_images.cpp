// Image review through the real window: reorder through the model and by a drop on the grid,
// replace with a photo, and a non-image refused with a message while nothing changes.
#include "StudioFixture.h"
#include "common/FileDialogs.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "images/ImagesPage.h"
#include "images/SceneImageModel.h"
#include <QLabel>
#include <QToolButton>

#include <QDropEvent>
#include <QImage>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

class TestUiImages : public QObject {
    Q_OBJECT
private:
    static void markImages(ProjectDocument *doc)
    {
        // Give every scene a distinguishable picture record so moves are visible.
        // Photos on scenes 0-2 (file sources), cards elsewhere.
        doc->edit(QStringLiteral("mark"), ProjectDocument::ImagesAspect, [](Project &p) {
            for (int i = 0; i < p.sceneImages.size(); ++i) {
                p.sceneImages[i].originalName = QStringLiteral("scene-%1").arg(i);
                if (i < 3) {
                    p.sceneImages[i].source = SceneImage::Source::File;
                    p.sceneImages[i].file = QStringLiteral("assets/images/missing-%1.png").arg(i);
                }
            }
        });
    }
    static QStringList names(ProjectDocument *doc)
    {
        QStringList out;
        for (const SceneImage &img : doc->project().sceneImages)
            out << img.originalName;
        return out;
    }

private slots:
    void reorderThroughModel()
    {
        // Reordering means one thing: two scenes trade pictures.
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ImagesPageIndex);
        auto *grid = f.find<QListView>(QStringLiteral("imageGrid"));
        QVERIFY(grid);
        auto *doc = f.window()->document();
        markImages(doc);
        auto *model = qobject_cast<SceneImageModel *>(grid->model());
        QVERIFY(model);
        QVERIFY(!model->moveRows({}, 0, 1, {}, 3)); // no shifting along the scenes
        QVERIFY(model->swapPictures(0, 3));
        QCOMPARE(names(doc).mid(0, 4), (QStringList{QStringLiteral("scene-3"), QStringLiteral("scene-1"),
                                                    QStringLiteral("scene-2"), QStringLiteral("scene-0")}));
        doc->undoStack()->undo();
        QCOMPARE(names(doc).first(), QStringLiteral("scene-0"));
        // Two cards: nothing would change, and the model says so.
        QString why;
        QVERIFY(!model->canSwap(4, 5, &why));
        QVERIFY2(why.contains(QStringLiteral("cards")), qPrintable(why));
        // The Swap buttons do the same, and say why when they cannot.
        auto *page = f.find<ImagesPage>(QStringLiteral("imagesPage"));
        page->selectRow(1);
        f.find<QToolButton>(QStringLiteral("moveImageRightButton"))->click();
        QCOMPARE(names(doc).mid(1, 2), (QStringList{QStringLiteral("scene-2"), QStringLiteral("scene-1")}));
        page->selectRow(5);
        const Project before = doc->project();
        f.find<QToolButton>(QStringLiteral("moveImageRightButton"))->click();
        QCOMPARE(doc->project(), before);
        QVERIFY(f.find<InlineMessage>(QStringLiteral("imagesMessage"))->text().contains(QStringLiteral("cards")));
    }

    void reorderByDrop()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ImagesPageIndex);
        f.window()->show();
        auto *grid = f.find<QListView>(QStringLiteral("imageGrid"));
        auto *doc = f.window()->document();
        markImages(doc);
        auto *hint = f.find<QLabel>(QStringLiteral("imageDropHint"));
        QVERIFY(hint);
        auto *model = grid->model();
        QTRY_VERIFY(grid->visualRect(model->index(3, 0)).isValid());
        auto dragTo = [&](int from, int to, bool dropIt) {
            std::unique_ptr<QMimeData> mime(model->mimeData({model->index(from, 0)}));
            const QPoint pos = grid->visualRect(model->index(to, 0)).center();
            QDragEnterEvent enter(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid->viewport(), &enter);
            QDragMoveEvent move(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid->viewport(), &move);
            const QString said = hint->text();
            if (dropIt) {
                QDropEvent drop(QPointF(pos), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
                QApplication::sendEvent(grid->viewport(), &drop);
            } else {
                QDragLeaveEvent leave;
                QApplication::sendEvent(grid->viewport(), &leave);
            }
            return said;
        };
        // While dragging, the page says what the drop will do.
        const QString onCard = dragTo(0, 3, false);
        QVERIFY2(onCard.contains(QStringLiteral("gets its card back")), qPrintable(onCard));
        QVERIFY(hint->text().startsWith(QStringLiteral("One picture per scene"))); // back after the drag left
        const QString cardOnCard = dragTo(4, 5, false);
        QVERIFY2(cardOnCard.contains(QStringLiteral("Cannot drop here")), qPrintable(cardOnCard));
        // Drop the first picture onto the fourth scene: they trade places.
        dragTo(0, 3, true);
        QCOMPARE(names(doc).at(3), QStringLiteral("scene-0"));
        QCOMPARE(names(doc).at(0), QStringLiteral("scene-3"));
        QCOMPARE(doc->project().sceneImages.at(0).source, SceneImage::Source::Card);
        QCOMPARE(doc->project().sceneImages.size(), doc->project().scenes().size()); // nothing removed
        doc->undoStack()->undo();
        QCOMPARE(names(doc).at(0), QStringLiteral("scene-0"));
        // A card dropped on a card changes nothing.
        const Project before = doc->project();
        dragTo(4, 5, true);
        QCOMPARE(doc->project(), before);
    }

    void replaceWithNonImageIsRefused()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ImagesPageIndex);
        auto *page = f.find<ImagesPage>(QStringLiteral("imagesPage"));
        page->selectRow(2);
        const QString notImage = f.root() + QStringLiteral("/notes.png");
        QFile file(notImage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is text pretending to be a picture\n");
        file.close();
        const Project before = f.window()->document()->project();
        const int undoCount = f.window()->document()->undoStack()->count();
        FileDialogs::setTestHook([notImage](FileDialogs::Kind, const QString &) { return notImage; });
        QSignalSpy finished(page, &ImagesPage::importFinished);
        f.find<QPushButton>(QStringLiteral("replaceImageButton"))->click();
        FileDialogs::setTestHook({});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        auto *message = f.find<InlineMessage>(QStringLiteral("imagesMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->level(), InlineMessage::Level::Error);
        QVERIFY2(message->text().contains(QStringLiteral("Nothing was changed")), qPrintable(message->text()));
        QCOMPARE(f.window()->document()->project(), before);
        QCOMPARE(f.window()->document()->undoStack()->count(), undoCount);
    }

    void replaceWithPhotoAndLock()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ImagesPageIndex);
        auto *page = f.find<ImagesPage>(QStringLiteral("imagesPage"));
        page->selectRow(1);
        const QString photo = f.root() + QStringLiteral("/photo.png");
        QImage image(320, 240, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(photo));
        QSignalSpy finished(page, &ImagesPage::importFinished);
        FileDialogs::setTestHook([photo](FileDialogs::Kind, const QString &) { return photo; });
        f.find<QPushButton>(QStringLiteral("replaceImageButton"))->click();
        FileDialogs::setTestHook({});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        const SceneImage img = f.window()->document()->project().sceneImages.at(1);
        QCOMPARE(img.source, SceneImage::Source::File);
        QCOMPARE(img.originalName, QStringLiteral("photo.png"));
        QVERIFY(QFile::exists(f.window()->document()->folder() + QLatin1Char('/') + img.file));

        auto *lock = f.find<QPushButton>(QStringLiteral("lockImageButton"));
        lock->click();
        QVERIFY(f.window()->document()->project().sceneImages.at(1).locked);
        QVERIFY(!f.find<QPushButton>(QStringLiteral("replaceImageButton"))->isEnabled());
        QVERIFY(!f.find<QPushButton>(QStringLiteral("regenerateCardButton"))->isEnabled());
        lock->click();
        f.find<QPushButton>(QStringLiteral("regenerateCardButton"))->click();
        QCOMPARE(f.window()->document()->project().sceneImages.at(1).source, SceneImage::Source::Card);
    }

    void photoDroppedFromTheFileManager()
    {
        // README: "replace from a file or by dropping a photo from the file manager (anything that
        // is not a readable image is refused with a message and nothing changes)".
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ImagesPageIndex);
        auto *page = f.find<ImagesPage>(QStringLiteral("imagesPage"));
        auto *grid = f.find<QListView>(QStringLiteral("imageGrid"));
        const auto dropFile = [&](const QString &path, int row) {
            QMimeData mime; // what a file manager puts on a drag: file:// URLs
            mime.setUrls({QUrl::fromLocalFile(path)});
            const QPoint pos = grid->visualRect(grid->model()->index(row, 0)).center();
            QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid->viewport(), &enter);
            QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid->viewport(), &move);
            QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid->viewport(), &drop);
        };

        const QString notes = f.root() + QStringLiteral("/notes.jpg");
        QFile text(notes);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a picture at all\n");
        text.close();
        const Project before = f.window()->document()->project();
        QSignalSpy refused(page, &ImagesPage::importFinished);
        dropFile(notes, 2);
        QVERIFY(refused.wait(30000));
        QCOMPARE(refused.first().first().toBool(), false);
        QVERIFY(f.find<InlineMessage>(QStringLiteral("imagesMessage"))->isVisible());
        QCOMPARE(f.window()->document()->project(), before);

        const QString photo = f.root() + QStringLiteral("/dropped photo.png");
        QImage image(320, 240, QImage::Format_RGB32);
        image.fill(Qt::darkMagenta);
        QVERIFY(image.save(photo));
        QSignalSpy accepted(page, &ImagesPage::importFinished);
        dropFile(photo, 2);
        QVERIFY(accepted.wait(30000));
        QCOMPARE(accepted.first().first().toBool(), true);
        const SceneImage img = f.window()->document()->project().sceneImages.at(2);
        QCOMPARE(img.source, SceneImage::Source::File);
        QCOMPARE(img.originalName, QStringLiteral("dropped photo.png"));
        QVERIFY(QFile::exists(f.window()->document()->folder() + QLatin1Char('/') + img.file));
        QCOMPARE(f.window()->document()->project().sceneImages.at(1), before.sceneImages.at(1)); // only the target changed
    }
};

QTEST_MAIN(TestUiImages)
#include "tst_ui_images.moc"
