/*
 * The monotonic clock in milliseconds: how long things take, for the UI's
 * animation and the exam's countdown and the kernel lab's waits, unmoved
 * by changes to the wall clock.
 */
#ifndef TCPTEACH_LIB_MONO_H
#define TCPTEACH_LIB_MONO_H

#include <stdint.h>

uint64_t mono_ms(void);

#endif
