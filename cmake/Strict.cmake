# One interface target that every library, program and test links: the language level, the
# warnings and the strict Qt macros live here and nowhere else.
add_library(sessionscope_strict INTERFACE)
# One include root for the whole repository: every project include names its folder
# ("api/apiclient.h"), so that a file says which layer it reaches into.
target_include_directories(sessionscope_strict INTERFACE ${PROJECT_SOURCE_DIR})
target_compile_features(sessionscope_strict INTERFACE cxx_std_20)
target_compile_options(sessionscope_strict INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(SESSIONSCOPE_WERROR)
    target_compile_options(sessionscope_strict INTERFACE -Werror)
endif()
target_compile_definitions(sessionscope_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    QT_NO_KEYWORDS)
if(SESSIONSCOPE_SANITIZE)
    target_compile_options(sessionscope_strict INTERFACE -fsanitize=address,undefined
                                                         -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(sessionscope_strict INTERFACE -fsanitize=address,undefined)
endif()
