# Configures the project with DIY_BUILD_GUI=OFF and tests ON in a scratch folder, then fails if
# anything in the generated build refers to the GUI library or a GUI test.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR} -G ${GENERATOR}
                        -DDIY_BUILD_GUI=OFF -DDIY_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE configured OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT configured EQUAL 0)
  message(FATAL_ERROR "GUI-off configure failed:\n${out}\n${err}")
endif()
file(GLOB_RECURSE ninja_files ${WORK_DIR}/*.ninja)
foreach(f ${ninja_files})
  # Build statements for GUI tests, or anything linking the GUI library (the format target's
  # file list may name GUI sources: that is not a build of them).
  file(STRINGS ${f} hits REGEX "^build [^:]*(tst_ui_[a-z_]+|gui_stall_bench|diy_ui_test_support)[ :]|libdiy_ui[a-z_]*\\.a|-ldiy_ui")
  if(hits)
    list(GET hits 0 first)
    message(FATAL_ERROR "GUI-off build still refers to the GUI: ${f}: ${first}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --show-only=json-v1 WORKING_DIRECTORY ${WORK_DIR} OUTPUT_VARIABLE tests)
if(tests MATCHES "tst_ui_")
  message(FATAL_ERROR "GUI-off build registers GUI tests")
endif()
if(NOT tests MATCHES "tst_tensorzero_client")
  message(FATAL_ERROR "GUI-off build lost the core tests")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "GUI-off configure: no reference to the GUI library")
