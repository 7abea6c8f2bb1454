# Fails when a source file includes a header of a layer it must not see. Run by the build before
# any library is compiled (target sessionscope_layers) and by CTest (tst_layers):
#   cmake -DSOURCE_DIR=<repository> -P cmake/CheckLayers.cmake
#
# Layers point one way: ui -> models -> store -> api, and models -> reports -> api. demo/ shares no
# code with the client. The store (a local copy in SQLite or PostgreSQL) may use the client;
# widgets never see it. reports/ (what the window and the command line both compute from fetched
# sessions) sits beside the store: it uses the client and nothing else, so that the command line
# can link it without the models' GUI modules. Widgets get models and controllers from app/,
# never the network client, so ui/ may include the value types of api/ (sessions, money, queries,
# errors) and reports/ but not the client, the collector or the decoders.
cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "CheckLayers.cmake needs -DSOURCE_DIR=<repository>")
endif()

# Folder of the including file -> regular expression of the project includes it may not use.
set(_forbidden_api "^(store|reports|models|ui|app|demo|tests|bench)/")
set(_forbidden_store "^(reports|models|ui|app|demo|tests|bench)/")
set(_forbidden_reports "^(store|models|ui|app|demo|tests|bench)/")
set(_forbidden_demo "^(api|store|reports|models|ui|app|tests|bench)/")
set(_forbidden_models "^(ui|app|demo|tests|bench)/")
set(_client_only "api/(apiclient|usagecollector|recordingfetcher|jsonreader|jsonscan|[a-z]*decoder)\\.h$")
set(_forbidden_ui "^(store|app|demo|tests|bench)/|^${_client_only}")

set(_violations "")
foreach(_layer api store reports demo models ui)
    file(GLOB_RECURSE _files RELATIVE ${SOURCE_DIR}
         ${SOURCE_DIR}/${_layer}/*.h ${SOURCE_DIR}/${_layer}/*.cpp)
    foreach(_file IN LISTS _files)
        file(STRINGS ${SOURCE_DIR}/${_file} _includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"")
        foreach(_line IN LISTS _includes)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([^\"]+)\".*" "\\1" _header "${_line}")
            if(_header MATCHES "${_forbidden_${_layer}}")
                string(APPEND _violations "\n  ${_file} includes \"${_header}\"")
            elseif(NOT _header MATCHES "/" AND NOT _header MATCHES "\\.moc$|^moc_|^ui_")
                string(APPEND _violations
                       "\n  ${_file} includes \"${_header}\": write it from the repository root")
            endif()
        endforeach()
    endforeach()
endforeach()

# app/launch is the launcher's, which loads no library beyond the C library: it includes only its
# own headers and no Qt header.
file(GLOB _launch_files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/app/launch/*.h
     ${SOURCE_DIR}/app/launch/*.cpp ${SOURCE_DIR}/app/launchermain.cpp)
foreach(_file IN LISTS _launch_files)
    file(STRINGS ${SOURCE_DIR}/${_file} _includes REGEX "^[ \t]*#[ \t]*include[ \t]+[\"<]")
    foreach(_line IN LISTS _includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+[\"<]([^\">]+)[\">].*" "\\1" _header
                             "${_line}")
        if(_header MATCHES "^Q|/" AND NOT _header MATCHES "^app/launch/")
            string(APPEND _violations "\n  ${_file} includes \"${_header}\": the launcher uses the C "
                                      "library alone")
        endif()
    endforeach()
endforeach()

if(_violations)
    message(FATAL_ERROR "Includes that cross the layers (ui -> models -> store and reports -> "
                        "api; demo apart):${_violations}")
endif()
