#include "ui/player/playerwidget.h"

#include "models/transcriptmodel.h"
#include "models/waveformbuilder.h"
#include "reports/outputfile.h"
#include "ui/player/waveformview.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

PlayerWidget::PlayerWidget(PlaybackController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_builder(new WaveformBuilder(this))
    , m_playButton(new QToolButton(this))
    , m_backButton(new QToolButton(this))
    , m_forwardButton(new QToolButton(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_elapsed(new QLabel(this))
    , m_total(new QLabel(this))
    , m_waveform(new WaveformView(this))
    , m_speed(new QComboBox(this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_saveButton(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_retryButton(new QToolButton(this))
{
    buildLayout();
    auto *c = m_controller;
    connect(m_playButton, &QToolButton::clicked, c, &PlaybackController::togglePlayPause);
    connect(m_backButton, &QToolButton::clicked, c, [c] { c->skip(-PlaybackController::SkipMs); });
    connect(m_forwardButton, &QToolButton::clicked, c,
            [c] { c->skip(PlaybackController::SkipMs); });
    connect(m_retryButton, &QToolButton::clicked, c, &PlaybackController::retry);
    connect(m_saveButton, &QToolButton::clicked, this, &PlayerWidget::saveRecordingAs);
    // While the handle is held the slider shows where it will land, not where audio is.
    connect(m_slider, &QSlider::sliderMoved, this,
            [this](int v) { m_elapsed->setText(TranscriptModel::formatTime(v / 1000.0)); });
    connect(m_slider, &QSlider::sliderReleased, c,
            [this] { m_controller->seek(m_slider->value()); });
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && !m_slider->isSliderDown())
            m_controller->seek(m_slider->sliderPosition());
    });
    connect(m_speed, &QComboBox::currentIndexChanged, c,
            [this] { m_controller->setRate(m_speed->currentData().toDouble()); });
    connect(m_volume, &QSlider::valueChanged, c,
            [this](int v) { m_controller->setVolume(float(v) / 100.0f); });
    connect(m_waveform, &WaveformView::seekRequested, c, &PlaybackController::seek);

    connect(c, &PlaybackController::statusChanged, this, &PlayerWidget::onStatusChanged);
    connect(c, &PlaybackController::positionChanged, this, &PlayerWidget::onPositionChanged);
    connect(c, &PlaybackController::durationChanged, this, &PlayerWidget::onDurationChanged);
    connect(c, &PlaybackController::playingChanged, this, &PlayerWidget::updatePlayButton);
    connect(c, &PlaybackController::bufferingChanged, this, [this](bool buffering) {
        m_buffering = buffering;
        onStatusChanged(m_controller->status(), m_controller->statusText());
    });
    connect(c, &PlaybackController::downloadProgress, this, [this](qint64 got, qint64 total) {
        if (total > 0)
            m_status->setText(tr("Loading the recording… %1%").arg(got * 100 / total));
    });
    connect(c, &PlaybackController::recordingLoaded, m_builder,
            [this](const QByteArray &bytes) { m_builder->build(bytes); });
    connect(m_builder, &WaveformBuilder::ready, this, [this](const Waveform &w) {
        m_waveform->setWaveform(w);
        Q_EMIT waveformReady();
    });
    onStatusChanged(c->status(), c->statusText());
    onDurationChanged(c->duration());
    updatePlayButton(false);
}

PlayerWidget::~PlayerWidget() = default;

void PlayerWidget::buildLayout()
{
    m_backButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_backButton->setToolTip(tr("Back 10 seconds (Left)"));
    m_forwardButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forwardButton->setToolTip(tr("Forward 10 seconds (Right)"));
    m_saveButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_saveButton->setToolTip(tr("Save recording as…"));
    m_retryButton->setText(tr("Retry"));
    m_retryButton->setAccessibleDescription(tr("Loads the recording again"));
    // The buttons show icons only: their names are what a screen reader says.
    m_backButton->setAccessibleName(tr("Back 10 seconds"));
    m_backButton->setAccessibleDescription(tr("Skips back 10 seconds (Left)"));
    m_forwardButton->setAccessibleName(tr("Forward 10 seconds"));
    m_forwardButton->setAccessibleDescription(tr("Skips forward 10 seconds (Right)"));
    m_saveButton->setAccessibleName(tr("Save recording"));
    m_saveButton->setAccessibleDescription(tr("Saves the recording as a file"));
    m_playButton->setAccessibleDescription(tr("Plays or pauses the recording (Space)"));
    m_speed->setAccessibleName(tr("Playback speed"));
    m_speed->setAccessibleDescription(tr("How fast the recording plays"));
    m_volume->setAccessibleDescription(tr("The playback volume, 0 to 100"));
    // Sliders a hand can use: the seek bar never shrinks to a square that reads as a check
    // box, and both carry names for screen readers.
    m_slider->setObjectName(u"positionSlider"_s);
    m_slider->setAccessibleName(tr("Position"));
    m_slider->setAccessibleDescription(tr("Where the recording plays from"));
    m_slider->setMinimumWidth(160);
    m_volume->setRange(0, 100);
    m_volume->setValue(100);
    m_volume->setMinimumWidth(90);
    m_volume->setMaximumWidth(140);
    m_volume->setToolTip(tr("Volume"));
    m_volume->setAccessibleName(tr("Volume"));
    for (double rate : {0.5, 0.75, 1.0, 1.25, 1.5, 2.0})
        m_speed->addItem(u"%1×"_s.arg(rate), rate);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Playback speed"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // server messages are shown, never interpreted

    // Two rows, so that a narrow pane still gives the seek bar most of its width.
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_backButton);
    controls->addWidget(m_playButton);
    controls->addWidget(m_forwardButton);
    controls->addWidget(m_elapsed);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_total);
    auto *settings = new QHBoxLayout;
    auto *volumeLabel = new QLabel(tr("Volume"), this);
    volumeLabel->setBuddy(m_volume);
    settings->addWidget(m_speed);
    settings->addStretch(1);
    settings->addWidget(volumeLabel);
    settings->addWidget(m_volume, 1);
    settings->addWidget(m_saveButton);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retryButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(settings);
    layout->addWidget(m_waveform);
    layout->addLayout(statusRow);
}

void PlayerWidget::setTurnMarks(const QList<TranscriptTurn> &turns)
{
    QList<qint64> starts;
    QList<bool> assistant;
    for (const TranscriptTurn &t : turns) {
        starts.append(qint64(t.ts * 1000));
        assistant.append(t.role == TranscriptTurn::Role::Assistant);
    }
    m_waveform->setTurnMarks(starts, assistant);
}

QString PlayerWidget::statusLine() const
{
    return m_status->text();
}

void PlayerWidget::onStatusChanged(PlaybackController::Status status, const QString &text)
{
    using S = PlaybackController::Status;
    const bool ready = status == S::Ready;
    for (QWidget *w : {static_cast<QWidget *>(m_playButton), static_cast<QWidget *>(m_backButton),
                       static_cast<QWidget *>(m_forwardButton), static_cast<QWidget *>(m_slider),
                       static_cast<QWidget *>(m_saveButton)})
        w->setEnabled(ready);
    // Seeking ahead of the download is allowed: it lands when the media does.
    m_slider->setEnabled(ready || status == S::Fetching);
    m_waveform->setEnabled(ready || status == S::Fetching);
    m_retryButton->setVisible(status == S::Failed);
    if (status == S::NoSession || status == S::Fetching)
        m_waveform->clear();
    if (status == S::NoSession)
        m_builder->cancel();
    QString line = text;
    if (ready && m_buffering)
        line = tr("Buffering…");
    m_status->setText(line);
    m_status->setVisible(!line.isEmpty());
}

void PlayerWidget::onPositionChanged(qint64 ms)
{
    m_waveform->setPosition(ms);
    if (m_slider->isSliderDown())
        return;
    const QSignalBlocker block(m_slider);
    m_slider->setValue(int(ms));
    m_elapsed->setText(TranscriptModel::formatTime(double(ms) / 1000.0));
}

void PlayerWidget::onDurationChanged(qint64 ms)
{
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, int(std::max<qint64>(0, ms)));
    m_slider->setPageStep(int(PlaybackController::SkipMs));
    m_total->setText(TranscriptModel::formatTime(double(ms) / 1000.0));
    m_waveform->setDuration(ms);
    m_elapsed->setText(TranscriptModel::formatTime(double(m_controller->position()) / 1000.0));
}

void PlayerWidget::updatePlayButton(bool playing)
{
    m_playButton->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    m_playButton->setAccessibleName(playing ? tr("Pause") : tr("Play"));
}

bool PlayerWidget::saveRecording(const QString &path, QString *error) const
{
    OutputFile file(path);
    if (m_controller->recordingBytes().isEmpty() || !file.open() ||
        file.device().write(m_controller->recordingBytes()) !=
            m_controller->recordingBytes().size() ||
        !file.commit()) {
        if (error)
            *error = m_controller->recordingBytes().isEmpty() ? tr("The recording is not loaded.")
                                                              : file.errorString();
        return false;
    }
    return true;
}

void PlayerWidget::saveRecordingAs()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              u'/' + m_controller->session().sessionId + u'.' +
                              m_controller->recordingSuffix();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save recording as"), suggested);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveRecording(path, &error)) {
        m_status->setText(tr("Could not save the recording: %1").arg(error));
        m_status->show();
    }
}
