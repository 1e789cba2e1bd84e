using System.Numerics;
using System.Runtime.InteropServices;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// SIMD dot products and distances over spans (System.Numerics.Vector, in the base library, so the core takes no
/// extra package). Every prediction path uses these same functions, so single-row and batch predictions are the
/// same bits.
/// </summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var i = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var k = 0; k < va.Length; k++)
            {
                acc += va[k] * vb[k];
            }

            i = va.Length * Vector<double>.Count;
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var i = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var k = 0; k < va.Length; k++)
            {
                var d = va[k] - vb[k];
                acc += d * d;
            }

            i = va.Length * Vector<double>.Count;
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }

    public static double Manhattan(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var i = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var k = 0; k < va.Length; k++)
            {
                acc += Vector.Abs(va[k] - vb[k]);
            }

            i = va.Length * Vector<double>.Count;
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum;
    }
}
