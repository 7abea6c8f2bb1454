# The build refuses includes that cross the layers (cmake/CheckLayers.cmake says which): every
# library depends on this target, so a ui file that includes demo/ or the network client stops
# the build before anything is compiled.
add_custom_target(sessionscope_layers
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
            -P ${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake
    COMMENT "Checking that includes follow the layers"
    VERBATIM)
