# sessionscope_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>]
#                       [COST <s>])
# COST: about how many seconds the test takes; CTest starts the costly ones first, so that with
# -j2 the longest test does not run alone at the end (a fresh clone has no timings of its own).
# One executable per unit, named after its tst_ file, registered with CTest. Every test runs
# offscreen and with QStandardPaths' test mode, so it never touches a user's settings.
function(sessionscope_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT;COST" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE sessionscope_strict Qt6::Test ${T_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false")
    if(T_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
    endif()
    if(T_COST)
        set_tests_properties(${name} PROPERTIES COST ${T_COST})
    endif()
endfunction()
