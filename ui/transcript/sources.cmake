# The session pane (ui/transcript) and the recording player (ui/player), for sessionscope_ui:
# ui/CMakeLists.txt includes this file after add_library(sessionscope_ui ...).
set(_pane_dir ${CMAKE_CURRENT_LIST_DIR})
set(_player_dir ${CMAKE_CURRENT_LIST_DIR}/../player)
target_sources(sessionscope_ui PRIVATE
    ${_pane_dir}/sessionheader.cpp ${_pane_dir}/sessionheader.h
    ${_pane_dir}/sessionpane.cpp ${_pane_dir}/sessionpane.h
    ${_pane_dir}/transcriptdelegate.cpp ${_pane_dir}/transcriptdelegate.h
    ${_pane_dir}/transcriptexport.cpp ${_pane_dir}/transcriptexport.h
    ${_pane_dir}/transcriptfindbar.cpp ${_pane_dir}/transcriptfindbar.h
    ${_pane_dir}/transcriptview.cpp ${_pane_dir}/transcriptview.h
    ${_player_dir}/mediaplayerbackend.cpp ${_player_dir}/mediaplayerbackend.h
    ${_player_dir}/playerwidget.cpp ${_player_dir}/playerwidget.h
    ${_player_dir}/waveformview.cpp ${_player_dir}/waveformview.h)
target_include_directories(sessionscope_ui PUBLIC ${_pane_dir} ${_player_dir})
target_link_libraries(sessionscope_ui PUBLIC sessionscope_models Qt6::Widgets Qt6::Multimedia)
