# The analytics widgets (charts, comparison, daily report) inside sessionscope_ui.
# ui/CMakeLists.txt includes this after add_library(sessionscope_ui ...).
set(_analytics ${CMAKE_CURRENT_LIST_DIR}/..)
target_sources(sessionscope_ui PRIVATE
    ${_analytics}/charts/analyticspage.cpp ${_analytics}/charts/analyticspage.h
    ${_analytics}/charts/characterbarchart.cpp ${_analytics}/charts/characterbarchart.h
    ${_analytics}/charts/chartexport.cpp ${_analytics}/charts/chartexport.h
    ${_analytics}/charts/chartpanel.cpp ${_analytics}/charts/chartpanel.h
    ${_analytics}/charts/comparisoncharts.cpp ${_analytics}/charts/comparisoncharts.h
    ${_analytics}/charts/dailyserieschart.cpp ${_analytics}/charts/dailyserieschart.h
    ${_analytics}/charts/hourlychart.cpp ${_analytics}/charts/hourlychart.h
    ${_analytics}/comparison/comparisonview.cpp ${_analytics}/comparison/comparisonview.h
    ${_analytics}/report/dailyreportview.cpp ${_analytics}/report/dailyreportview.h
)
target_include_directories(sessionscope_ui PUBLIC ${_analytics}/charts ${_analytics}/comparison
                                                  ${_analytics}/report)
target_link_libraries(sessionscope_ui PUBLIC sessionscope_models Qt6::Widgets Qt6::Charts Qt6::Svg)
