using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Raciflow.Monitoring.Drift.Statistics;

/// <summary>
/// Sorts NaN-free doubles ascending with an LSD radix sort on their IEEE-754 bits (11-bit digits, six passes, passes
/// whose digit is the same for every value skipped). Sorting dominates drift on large numeric columns, and this is
/// several times faster than <see cref="Array.Sort(Array)"/>'s introsort on a million values; no library offers one.
/// −0.0 sorts before +0.0, which compare equal anyway.
/// </summary>
public static class DoubleRadixSort
{
    private const int DigitBits = 8;
    private const int Buckets = 1 << DigitBits;
    private const ulong DigitMask = Buckets - 1;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;
    private const ulong SignBit = 1UL << 63;

    /// <summary>Below this length introsort is as fast and needs no buffer.</summary>
    private const int MinimumLength = 4096;

    public static void Sort(double[] values)
    {
        if (values.Length < MinimumLength)
        {
            Array.Sort(values);
            return;
        }

        var keys = MemoryMarshal.Cast<double, ulong>(values.AsSpan());
        var counts = new int[Passes * Buckets];
        ref var histogram = ref MemoryMarshal.GetArrayDataReference(counts);
        for (var i = 0; i < keys.Length; i++)
        {
            // Flip so that unsigned order is numeric order: negatives reversed, positives above them.
            var key = ToKey(keys[i]);
            keys[i] = key;
            for (var p = 0; p < Passes; p++)
            {
                Unsafe.Add(ref histogram, (p * Buckets) + (int)((key >> (p * DigitBits)) & DigitMask))++;
            }
        }

        var buffer = GC.AllocateUninitializedArray<ulong>(keys.Length);
        Span<ulong> source = keys, target = buffer;
        var inBuffer = false;
        for (var p = 0; p < Passes; p++)
        {
            var shift = p * DigitBits;
            var digitCounts = counts.AsSpan(p * Buckets, Buckets);
            if (digitCounts[(int)((source[0] >> shift) & DigitMask)] == source.Length)
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var count = digitCounts[b];
                digitCounts[b] = offset;
                offset += count;
            }

            // The hot loop: bounds checks elided by hand (offsets are prefix sums of counts, so always in range).
            ref var targetStart = ref MemoryMarshal.GetReference(target);
            ref var offsets = ref MemoryMarshal.GetReference(digitCounts);
            foreach (var key in source)
            {
                ref var slot = ref Unsafe.Add(ref offsets, (nint)((key >> shift) & DigitMask));
                Unsafe.Add(ref targetStart, (nint)(uint)slot) = key;
                slot++;
            }

            var swap = source;
            source = target;
            target = swap;
            inBuffer = !inBuffer;
        }

        if (inBuffer)
        {
            source.CopyTo(keys);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = FromKey(keys[i]);
        }
    }

    private static ulong ToKey(ulong bits) => (bits & SignBit) != 0 ? ~bits : bits | SignBit;

    private static ulong FromKey(ulong key) => (key & SignBit) != 0 ? key & ~SignBit : ~key;
}
