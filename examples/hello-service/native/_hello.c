/*
 * _hello: the native part of hello-service. Text transforms over UTF-8 bytes, done in C so the
 * example has a real compiled extension to build, strip, link against libc and package.
 *
 * All three functions work on the UTF-8 encoding of a str. ROT-n touches only ASCII letters and
 * words are split on ASCII whitespace; neither byte class occurs inside a multi-byte UTF-8
 * sequence, so the result is valid UTF-8 again. The loops run without the GIL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static void rot_bytes(char *buf, Py_ssize_t len, int shift)
{
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c >= 'a' && c <= 'z')
            buf[i] = (char)('a' + (c - 'a' + shift) % 26);
        else if (c >= 'A' && c <= 'Z')
            buf[i] = (char)('A' + (c - 'A' + shift) % 26);
    }
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static PyObject *hello_rot(PyObject *self, PyObject *args)
{
    PyObject *text;
    int n;
    if (!PyArg_ParseTuple(args, "Ui:rot", &text, &n))
        return NULL;
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &len);
    if (utf8 == NULL)
        return NULL;
    int shift = ((n % 26) + 26) % 26;
    char *buf = PyMem_Malloc(len > 0 ? (size_t)len : 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    memcpy(buf, utf8, (size_t)len);
    Py_BEGIN_ALLOW_THREADS
    rot_bytes(buf, len, shift);
    Py_END_ALLOW_THREADS
    PyObject *out = PyUnicode_DecodeUTF8(buf, len, "strict");
    PyMem_Free(buf);
    return out;
}

static PyObject *hello_word_count(PyObject *self, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:word_count", &text))
        return NULL;
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &len);
    if (utf8 == NULL)
        return NULL;
    Py_ssize_t words = 0;
    Py_BEGIN_ALLOW_THREADS
    int in_word = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        int space = is_ascii_space((unsigned char)utf8[i]);
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    Py_END_ALLOW_THREADS
    return PyLong_FromSsize_t(words);
}

static PyObject *hello_fnv1a64(PyObject *self, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:fnv1a64", &text))
        return NULL;
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &len);
    if (utf8 == NULL)
        return NULL;
    uint64_t hash = 0xcbf29ce484222325ULL;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < len; i++) {
        hash ^= (unsigned char)utf8[i];
        hash *= 0x100000001b3ULL;
    }
    Py_END_ALLOW_THREADS
    return PyLong_FromUnsignedLongLong(hash);
}

static PyMethodDef hello_methods[] = {
    {"rot", hello_rot, METH_VARARGS, "rot(text, n) -> str: rotate ASCII letters by n places."},
    {"word_count", hello_word_count, METH_VARARGS, "word_count(text) -> int: runs of non-ASCII-whitespace."},
    {"fnv1a64", hello_fnv1a64, METH_VARARGS, "fnv1a64(text) -> int: 64-bit FNV-1a of the UTF-8 bytes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef hello_module = {
    PyModuleDef_HEAD_INIT, "_hello", "Native text transforms for hello-service.", -1, hello_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__hello(void)
{
    return PyModule_Create(&hello_module);
}
