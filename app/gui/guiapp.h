#pragma once

#include "app/launchoptions.h"

class QApplication;

/// Builds the window and everything behind it, then runs the event loop.
int runGui(QApplication &app, const LaunchOptions &options);
