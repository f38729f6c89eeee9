# Fails when the CLI links Qt Widgets or Multimedia: the core and the CLI are GUI-free.
#   cmake -DPROGRAM=<path to diy-studio-cli> -P LinksNoWidgets.cmake
execute_process(COMMAND ldd ${PROGRAM} OUTPUT_VARIABLE libs RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ldd ${PROGRAM} failed (${status})")
endif()
# The check must be able to see Qt at all, or it proves nothing.
if(NOT libs MATCHES "libQt6Core")
  message(FATAL_ERROR "ldd shows no libQt6Core for ${PROGRAM}:\n${libs}")
endif()
string(REGEX MATCHALL "libQt6(Widgets|Multimedia|MultimediaWidgets|Svg)[^ ]*" gui "${libs}")
if(gui)
  message(FATAL_ERROR "${PROGRAM} links GUI libraries it must not need: ${gui}")
endif()
message(STATUS "${PROGRAM}: no Qt Widgets, Multimedia or Svg")
